package org.pando.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.pando.domain.RandomIds;

/**
 * Resumable uploads, as the tus 1.0 core protocol and its creation and termination extensions need them.
 *
 * <pre>{@code
 * Upload upload = uploads.create(account.id(), size, Map.of("filename", "dawn.mp4", "title", "Market at dawn"));
 * long offset = uploads.append(account.id(), upload.id(), 0, body);   // may stop early: resume from offset
 * }</pre>
 */
public final class UploadService {
    private static final int BUFFER = 256 * 1024;

    private final UploadRepository repository;
    private final UploadDestination destination;
    private final UploadConfig config;
    private final Clock clock;
    private final Map<String, ReentrantLock> writers = new ConcurrentHashMap<>();

    public UploadService(UploadRepository repository, UploadDestination destination, UploadConfig config, Clock clock) {
        this.repository = repository;
        this.destination = destination;
        this.config = config;
        this.clock = clock;
        try {
            Files.createDirectories(config.directory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest upload accepted, in bytes. */
    public long maxBytes() {
        return config.maxBytes();
    }

    /** Starts an upload of {@code length} bytes; refuses empty, oversized and badly named files at once. */
    public Upload create(String accountId, long length, Map<String, String> metadata) {
        UploadMetadata meta = UploadMetadata.from(metadata);
        if (length <= 0) {
            throw UploadRejected.empty();
        }
        if (length > config.maxBytes()) {
            throw UploadRejected.tooLarge(length, config.maxBytes());
        }
        destination.check(accountId, meta);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Upload upload = new Upload(RandomIds.id(), accountId, length, meta, now, now.plus(config.expiry()), Optional.empty());
        try {
            Files.createFile(part(upload.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repository.insert(upload);
        return upload;
    }

    /** The caller's upload. */
    public Upload get(String accountId, String id) {
        return repository.find(id).filter(u -> u.accountId().equals(accountId)).orElseThrow(() -> new UploadNotFound(id));
    }

    /** How many bytes have arrived: the offset to resume from. */
    public long offset(String accountId, String id) {
        Upload upload = get(accountId, id);
        if (upload.finished()) {
            return upload.length();
        }
        try {
            return Files.size(part(id));
        } catch (IOException e) {
            throw new UploadNotFound(id);
        }
    }

    /**
     * Appends the body at {@code offset}, which must be the current offset, and returns the new offset. Bytes
     * that arrive before the body breaks off are kept and forced to disk; the exception is passed on. When the
     * last byte arrives the file goes to the destination.
     */
    public long append(String accountId, String id, long offset, InputStream body) {
        Upload upload = get(accountId, id);
        if (upload.finished()) {
            throw UploadRejected.finished();
        }
        ReentrantLock lock = writers.computeIfAbsent(id, key -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw UploadRejected.busy();
        }
        try {
            Path file = part(id);
            long current = Files.size(file);
            if (current != offset) {
                throw UploadRejected.offsetMismatch(current, offset);
            }
            long total = current + copy(body, file, current, upload.length());
            if (total == upload.length()) {
                String videoId = destination.receive(upload, file);
                repository.finish(id, videoId);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
            writers.remove(id, lock);
        }
    }

    /** The video made from a finished upload. */
    public Optional<String> videoOf(String accountId, String id) {
        return get(accountId, id).videoId();
    }

    /** Discards an upload and its bytes (tus termination). */
    public void terminate(String accountId, String id) {
        Upload upload = get(accountId, id);
        discard(upload);
    }

    /** Discards unfinished uploads past their expiry; returns how many. */
    public int purgeExpired() {
        int count = 0;
        for (Upload upload : repository.expired(clock.instant())) {
            discard(upload);
            count++;
        }
        return count;
    }

    private void discard(Upload upload) {
        try {
            Files.deleteIfExists(part(upload.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repository.delete(upload.id());
    }

    /**
     * Appends the body to the file; returns the bytes appended. A body longer than the upload is refused whole
     * (the file is cut back to where this request began); a body that breaks off keeps what arrived.
     */
    private static long copy(InputStream body, Path file, long start, long length) throws IOException {
        long written = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            try {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = read(body, buffer)) != -1) {
                    if (start + written + n > length) {
                        channel.truncate(start);
                        throw UploadRejected.overLength(length);
                    }
                    channel.write(ByteBuffer.wrap(buffer, 0, n));
                    written += n;
                }
            } finally {
                channel.force(false);
            }
        }
        return written;
    }

    /** Reads from the client; a connection that breaks off is the client's doing, not a server fault. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException | RuntimeException e) {
            throw new UploadInterrupted(e);
        }
    }

    private Path part(String id) {
        return config.directory().resolve(id + ".part");
    }
}
