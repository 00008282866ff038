package org.pando.recommend.engine;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import org.pando.events.EventCodec;
import org.pando.events.EventLog;
import org.pando.events.LoggedEvent;
import org.pando.events.Sequences;

/**
 * The engine's state in one file: a header (magic number, format version), the last event applied of each partition
 * of the log with its sequence, the state as {@link EngineState#writeTo} writes it, and a CRC-32C of all that. It is
 * written beside its place and moved there once forced to disk, so a crash leaves the previous checkpoint whole. It is
 * read only when it checks out, is of this version, and each of its last events is the log's event at that sequence
 * (so a log replaced, moved, renumbered or partitioned anew is read again from the start instead).
 */
final class EngineCheckpoint {
    private static final int MAGIC = 0x50414e45;
    /** Raised whenever what is written changes; a checkpoint of another version is not read (the log is replayed). */
    private static final int VERSION = 4;
    private static final int TRAILER = Long.BYTES;
    private static final int BUFFER = 1 << 20;

    private EngineCheckpoint() {
    }

    /** Writes the state to {@code file}, replacing the checkpoint there; nothing when no event was applied yet. */
    static void write(EngineState state, Path file) throws IOException {
        List<LoggedEvent> last = state.lastApplied();
        if (last.isEmpty()) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            CheckpointOutput out = new CheckpointOutput(channel, BUFFER);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(last.size());
            for (LoggedEvent e : last) {
                out.writeLong(e.sequence());
                byte[] event = EventCodec.bytes(e.event());
                out.writeInt(event.length);
                out.write(event);
            }
            state.writeTo(out);
            out.finishWithChecksum();
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads the checkpoint in {@code file} into a state that has applied no event; returns whether there was one that
     * checked out against {@code log}. When there is none, or it is damaged, of another version or of another log, the
     * state is left untouched.
     */
    static boolean read(EngineState state, Path file, EventLog log) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < 2 * Integer.BYTES + TRAILER || !checksOut(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            CheckpointInput in = new CheckpointInput(channel, BUFFER);
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return false;
            }
            List<LoggedEvent> last = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                long sequence = in.readLong();
                byte[] event = new byte[in.readInt()];
                in.readFully(event);
                if (Sequences.partition(sequence) >= log.partitions()) {
                    return false;
                }
                List<LoggedEvent> inLog = log.readAfter(sequence - 1, 1);
                if (inLog.isEmpty() || inLog.getFirst().sequence() != sequence
                        || !Arrays.equals(EventCodec.bytes(inLog.getFirst().event()), event)) {
                    return false;
                }
                last.add(inLog.getFirst());
            }
            state.readFrom(in, last);
            return true;
        }
    }

    /** Whether the CRC-32C at the end matches what comes before it. */
    private static boolean checksOut(Path file) throws IOException {
        long body = Files.size(file) - TRAILER;
        CRC32C crc = new CRC32C();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            CheckedInputStream checked = new CheckedInputStream(in, crc);
            byte[] buffer = new byte[BUFFER];
            long left = body;
            while (left > 0) {
                int n = checked.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return false;
                }
                left -= n;
            }
            return new DataInputStream(in).readLong() == crc.getValue();
        }
    }
}
