package org.pando.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The event log as append-only segment files on local disk, with group commit: every batch appended meanwhile is
 * written by one thread and made durable by one {@code fsync}, and each {@link #append} returns only after that.
 *
 * <p>A segment is named after the sequence of its first event ({@code 00000000000000000001.log}) and holds frames,
 * one per batch: a header (a magic number, the body's length, its CRC-32C and the number of events) and the events,
 * each with its length. A batch is one frame, so it is durable whole or not at all. On opening, the frames are checked
 * from the start; a torn or corrupt frame at the end of the last segment (a crash while it was written, before it was
 * acknowledged) is cut off, and one anywhere else stops the opening, since acknowledged events would be lost.
 *
 * <p>Readers see only durable frames, found through a sparse index of frame positions kept in memory.
 *
 * <pre>{@code
 * try (SegmentEventLog log = SegmentEventLog.open(dataDir.resolve("events"))) {
 *     long last = log.append(List.of(event));
 *     List<LoggedEvent> read = log.readAfter(0, 1000);
 * }
 * }</pre>
 */
public final class SegmentEventLog implements EventLog, AutoCloseable {
    /** Size after which a new segment is begun. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    private static final System.Logger LOG = System.getLogger(SegmentEventLog.class.getName());
    private static final int MAGIC = 0x50455631; // "PEV1"
    private static final int HEADER = 16;
    /** Room made per event when a frame is started: a length and an event with ids of ordinary length. */
    private static final int TYPICAL_EVENT_BYTES = 160;
    private static final long INDEX_EVERY_BYTES = 64L << 10;
    /** An index position before any frame: the next frame is indexed. */
    private static final long NOT_INDEXED = -INDEX_EVERY_BYTES;
    /** Most events one round writes before forcing them, so a flood of small batches still gets acknowledged. */
    private static final int MAX_ROUND_EVENTS = 100_000;
    private static final int MAX_BATCH_EVENTS = 1_000_000;
    /** Most events waiting for the writer (about 100 MB) before new batches are refused with {@link EventLogBusy}. */
    public static final int DEFAULT_MAX_QUEUED = 500_000;
    private static final String LOCK_FILE = "lock";

    private final Path dir;
    private final long segmentBytes;
    private final int maxQueued;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    /** The first sequence of some frames, with where they are: one at least every {@link #INDEX_EVERY_BYTES}. */
    private final ConcurrentSkipListMap<Long, Position> index = new ConcurrentSkipListMap<>();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Object lock = new Object();
    private final Thread writer;
    private volatile long durableSequence;
    private long nextSequence;
    private long lastIndexedOffset = NOT_INDEXED;
    private boolean closing;
    private IOException broken;
    /** Events queued and not yet taken by the writer. */
    private int queuedEvents;
    private FileChannel lockChannel;

    private record Position(long segment, long offset) {
    }

    private static final class Segment {
        final long firstSequence;
        final FileChannel channel;
        /** Bytes up to which the segment's frames are durable. */
        volatile long durableSize;

        Segment(long firstSequence, FileChannel channel, long durableSize) {
            this.firstSequence = firstSequence;
            this.channel = channel;
            this.durableSize = durableSize;
        }
    }

    private record Pending(List<UserEvent> events, CompletableFuture<Long> done) {
    }

    private SegmentEventLog(Path dir, long segmentBytes, int maxQueued) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.maxQueued = maxQueued;
        this.writer = Thread.ofPlatform().name("pando-event-log").daemon().unstarted(this::write);
    }

    /**
     * Opens the log in a directory (made when missing), checking and recovering what is there.
     *
     * @throws IllegalStateException when another process has the log open
     */
    public static SegmentEventLog open(Path dir) {
        return open(dir, DEFAULT_SEGMENT_BYTES, DEFAULT_MAX_QUEUED);
    }

    /** Opens the log with segments of about {@code segmentBytes} and at most {@code maxQueued} events waiting. */
    public static SegmentEventLog open(Path dir, long segmentBytes, int maxQueued) {
        SegmentEventLog log = new SegmentEventLog(dir, segmentBytes, maxQueued);
        try {
            Files.createDirectories(dir);
            log.lock();
            log.recover();
        } catch (IOException e) {
            log.closeChannels();
            throw new UncheckedIOException("Cannot open the event log in " + dir, e);
        } catch (RuntimeException e) {
            log.closeChannels();
            throw e;
        }
        log.writer.start();
        return log;
    }

    @Override
    public long append(List<UserEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        if (events.size() > MAX_BATCH_EVENTS) {
            throw new IllegalArgumentException("A batch of at most " + MAX_BATCH_EVENTS + " events");
        }
        Pending pending = new Pending(List.copyOf(events), new CompletableFuture<>());
        synchronized (lock) {
            if (closing) {
                throw new IllegalStateException("The event log is closed");
            }
            if (broken != null) {
                throw new UncheckedIOException("The event log could not be written; restart Pando to recover it", broken);
            }
            if (queuedEvents > 0 && queuedEvents + events.size() > maxQueued) {
                throw new EventLogBusy(queuedEvents);
            }
            queuedEvents += events.size();
            queue.add(pending);
            lock.notifyAll();
        }
        try {
            return pending.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Events appended and not yet taken by the writer: how far it is behind. */
    public int queuedEvents() {
        synchronized (lock) {
            return queuedEvents;
        }
    }

    @Override
    public long lastSequence() {
        return durableSequence;
    }

    @Override
    public List<LoggedEvent> readAfter(long sequence, int max) {
        long upTo = durableSequence;
        List<LoggedEvent> read = new ArrayList<>(Math.min(max, 1024));
        if (sequence >= upTo || max <= 0) {
            return read;
        }
        Map.Entry<Long, Position> start = index.floorEntry(sequence + 1);
        if (start == null) {
            start = index.firstEntry();
        }
        long segmentKey = start.getValue().segment();
        long offset = start.getValue().offset();
        long first = start.getKey();
        try {
            while (read.size() < max && first <= upTo) {
                Segment segment = segments.get(segmentKey);
                if (offset >= segment.durableSize) {
                    Long next = segments.higherKey(segmentKey);
                    if (next == null) {
                        break;
                    }
                    segmentKey = next;
                    offset = 0;
                    continue;
                }
                ByteBuffer header = readFully(segment.channel, offset, HEADER);
                header.getInt();
                int bodyLength = header.getInt();
                header.getInt();
                int count = header.getInt();
                if (first + count - 1 > sequence) {
                    ByteBuffer body = readFully(segment.channel, offset + HEADER, bodyLength);
                    decode(body, first, count, sequence, upTo, max, read);
                }
                offset += HEADER + bodyLength;
                first += count;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the event log in " + dir, e);
        }
        return read;
    }

    private static void decode(ByteBuffer body, long first, int count, long after, long upTo, int max, List<LoggedEvent> into)
            throws IOException {
        byte[] bytes = body.array();
        int at = 0;
        for (int i = 0; i < count && into.size() < max; i++) {
            int length = body.getInt(at);
            long sequence = first + i;
            if (sequence > after && sequence <= upTo) {
                into.add(new LoggedEvent(sequence, EventCodec.of(bytes, at + 4, length)));
            }
            at += 4 + length;
        }
    }

    /** The writer thread: takes every batch queued, writes them in frames, forces them to disk, acknowledges. */
    private void write() {
        List<Pending> round = new ArrayList<>();
        while (true) {
            synchronized (lock) {
                while (queue.isEmpty() && !closing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        closing = true;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                int events = 0;
                while (!queue.isEmpty() && (round.isEmpty() || events < MAX_ROUND_EVENTS)) {
                    Pending next = queue.poll();
                    round.add(next);
                    events += next.events().size();
                }
                queuedEvents -= events;
            }
            try {
                commit(round);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Writing the event log failed; no further event is accepted", e);
                IOException cause = e instanceof IOException io ? io : new IOException(e);
                synchronized (lock) {
                    broken = cause;
                    queue.forEach(p -> p.done().completeExceptionally(failure(cause)));
                    queue.clear();
                    queuedEvents = 0;
                }
                round.forEach(p -> p.done().completeExceptionally(failure(cause)));
            }
            round.clear();
        }
    }

    private static UncheckedIOException failure(IOException cause) {
        return new UncheckedIOException("The event log could not be written; restart Pando to recover it", cause);
    }

    /**
     * Writes the round's batches, each a frame, forces every segment written to, and only then makes them visible
     * to readers and acknowledges each batch with its last sequence.
     */
    private void commit(List<Pending> round) throws IOException {
        List<Segment> touched = new ArrayList<>(2);
        List<Long> lasts = new ArrayList<>(round.size());
        List<Runnable> indexed = new ArrayList<>();
        Segment segment = segments.isEmpty() ? null : segments.lastEntry().getValue();
        long size = segment == null ? 0 : segment.channel.size();
        for (Pending pending : round) {
            ByteBuffer frame = frame(pending.events());
            if (segment == null || (size > 0 && size + frame.remaining() > segmentBytes)) {
                segment = newSegment(nextSequence);
                size = 0;
                lastIndexedOffset = NOT_INDEXED;
            }
            long first = nextSequence;
            long offset = size;
            long segmentKey = segment.firstSequence;
            if (offset - lastIndexedOffset >= INDEX_EVERY_BYTES) {
                indexed.add(() -> index.put(first, new Position(segmentKey, offset)));
                lastIndexedOffset = offset;
            }
            while (frame.hasRemaining()) {
                size += segment.channel.write(frame, size);
            }
            if (!touched.contains(segment)) {
                touched.add(segment);
            }
            nextSequence += pending.events().size();
            lasts.add(nextSequence - 1);
        }
        for (Segment s : touched) {
            s.channel.force(false);
        }
        indexed.forEach(Runnable::run);
        for (Segment s : touched) {
            s.durableSize = s.channel.size();
        }
        durableSequence = nextSequence - 1;
        for (int i = 0; i < round.size(); i++) {
            round.get(i).done().complete(lasts.get(i));
        }
    }

    /** The batch as one frame: the header, then each event's length and bytes, encoded straight into one buffer. */
    private static ByteBuffer frame(List<UserEvent> events) {
        EventBytes bytes = new EventBytes(HEADER + events.size() * TYPICAL_EVENT_BYTES);
        bytes.skip(HEADER);
        for (UserEvent e : events) {
            int at = bytes.size();
            bytes.skip(4);
            EventCodec.write(e, bytes);
            bytes.putInt(at, bytes.size() - at - 4);
        }
        int bodyLength = bytes.size() - HEADER;
        CRC32C crc = new CRC32C();
        crc.update(bytes.array(), HEADER, bodyLength);
        bytes.putInt(0, MAGIC);
        bytes.putInt(4, bodyLength);
        bytes.putInt(8, (int) crc.getValue());
        bytes.putInt(12, events.size());
        return ByteBuffer.wrap(bytes.array(), 0, bytes.size());
    }

    private Segment newSegment(long firstSequence) throws IOException {
        Path file = dir.resolve(String.format(Locale.ROOT, "%020d.log", firstSequence));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        forceDirectory();
        Segment segment = new Segment(firstSequence, channel, 0);
        segments.put(firstSequence, segment);
        return segment;
    }

    /** Makes a new segment's name durable, so that the directory lists it after a crash. */
    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory; the segment's own data is forced all the same
        }
    }

    /** Takes the directory for this process alone: two writers would interleave their frames. */
    private void lock() throws IOException {
        lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        boolean locked;
        try {
            locked = lockChannel.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            locked = false;
        }
        if (!locked) {
            throw new IllegalStateException("The event log in " + dir + " is open in another Pando process (or twice in "
                    + "this one); stop it first");
        }
    }

    /** Reads every segment's frames, cutting a torn frame off the end of the last one. */
    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> p.getFileName().toString().matches("\\d{20}\\.log")).sorted().toList();
        }
        nextSequence = 1;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            long first = Long.parseLong(file.getFileName().toString().substring(0, 20));
            if (first != nextSequence) {
                throw new IllegalStateException("The event log segment " + file + " begins at " + first + ", not at "
                        + nextSequence + ": a segment is missing");
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Segment segment = new Segment(first, channel, 0);
            segments.put(first, segment);
            long end = scan(segment, i == files.size() - 1, file);
            segment.durableSize = end;
        }
        durableSequence = nextSequence - 1;
    }

    /**
     * Checks a segment's frames, indexing them, and leaves {@link #lastIndexedOffset} where its last index entry is;
     * returns where its good frames end.
     */
    private long scan(Segment segment, boolean last, Path file) throws IOException {
        long size = segment.channel.size();
        long offset = 0;
        long indexedAt = NOT_INDEXED;
        while (offset < size) {
            String problem = null;
            int bodyLength = 0;
            int count = 0;
            if (size - offset < HEADER) {
                problem = "a frame header cut short";
            } else {
                ByteBuffer header = readFully(segment.channel, offset, HEADER);
                int magic = header.getInt();
                bodyLength = header.getInt();
                int crc = header.getInt();
                count = header.getInt();
                if (magic != MAGIC || bodyLength < 0 || count <= 0) {
                    problem = "a frame header that is not one";
                } else if (size - offset - HEADER < bodyLength) {
                    problem = "a frame cut short";
                } else {
                    ByteBuffer body = readFully(segment.channel, offset + HEADER, bodyLength);
                    CRC32C check = new CRC32C();
                    check.update(body.array(), 0, bodyLength);
                    if ((int) check.getValue() != crc) {
                        problem = "a frame whose checksum does not match";
                    }
                }
            }
            if (problem != null) {
                if (!last) {
                    throw new IllegalStateException("The event log segment " + file + " holds " + problem + " at byte "
                            + offset + ", before later segments: acknowledged events would be lost");
                }
                LOG.log(System.Logger.Level.WARNING, "The event log ended in {0} at byte {1} of {2}, written when Pando "
                        + "stopped and never acknowledged; it is cut off", problem, offset, file);
                segment.channel.truncate(offset);
                segment.channel.force(true);
                lastIndexedOffset = indexedAt;
                return offset;
            }
            if (offset - indexedAt >= INDEX_EVERY_BYTES) {
                index.put(nextSequence, new Position(segment.firstSequence, offset));
                indexedAt = offset;
            }
            nextSequence += count;
            offset += HEADER + bodyLength;
        }
        lastIndexedOffset = indexedAt;
        return offset;
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("The event log ends before byte " + (position + length));
            }
        }
        return buffer.flip();
    }

    /** Writes what was appended before, then lets go of the files. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeChannels();
    }

    private void closeChannels() {
        for (Segment segment : segments.values()) {
            try {
                segment.channel.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not close an event log segment", e);
            }
        }
        if (lockChannel != null) {
            try {
                lockChannel.close(); // releases the lock
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not release the event log's lock", e);
            }
        }
    }
}
