package org.pando.blobs;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where media files are kept ({@code blobs.*}): below the data directory by default, or in an S3-compatible
 * bucket when {@code blobs.s3.endpoint} is set.
 *
 * @param folder the local folder when there is no bucket: the data directory, so files sit at
 *               {@code <data-dir>/media/...}, {@code <data-dir>/originals/...} and {@code <data-dir>/pictures/...}
 * @param s3     the bucket, when one is configured
 */
public record BlobsConfig(Path folder, Optional<S3Config> s3) {
}
