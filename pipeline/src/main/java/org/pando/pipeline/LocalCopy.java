package org.pando.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.pando.blobs.BlobStore;

/**
 * A kept file made readable on local disk for as long as a job needs it: the stored file itself when the store is
 * a local folder, or a download in the job's work directory, removed again on {@link #close()}.
 */
public final class LocalCopy implements AutoCloseable {
    private final Optional<Path> file;
    private final Path scratch;

    private LocalCopy(Optional<Path> file, Path scratch) {
        this.file = file;
        this.scratch = scratch;
    }

    /** The blob under {@code key}, downloaded to {@code scratch} when it is not on local disk already. */
    public static LocalCopy of(BlobStore blobs, String key, Path scratch) {
        return new LocalCopy(blobs.readable(key, scratch), scratch);
    }

    /** The local file; empty when nothing is kept under the key. */
    public Optional<Path> file() {
        return file;
    }

    @Override
    public void close() {
        // Only a download is removed; the stored file itself stays.
        if (file.isPresent() && file.get().equals(scratch)) {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
