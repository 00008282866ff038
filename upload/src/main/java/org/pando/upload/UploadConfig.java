package org.pando.upload;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of uploads ({@code upload.*}).
 *
 * @param directory where partial uploads are kept (default {@code <data-dir>/uploads})
 * @param maxBytes  largest upload accepted ({@code upload.max-size}, default 4 GiB)
 * @param expiry    how long an unfinished upload is kept ({@code upload.expiry}, default 24 h)
 */
public record UploadConfig(Path directory, long maxBytes, Duration expiry) {
    /** Default largest upload: 4 GiB. */
    public static final long DEFAULT_MAX_BYTES = 4L << 30;
}
