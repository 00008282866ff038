package org.pando.app;

import java.time.Clock;
import org.pando.blobs.BlobStore;
import org.pando.blobs.BlobsConfig;
import org.pando.blobs.DiskBlobStore;
import org.pando.blobs.S3BlobStore;

/** Opens the blob store {@code blobs.*} names. */
final class BlobStores {
    private BlobStores() {
    }

    /** The configured store; a bucket's client is recorded in {@code components} to be closed. */
    static BlobStore open(BlobsConfig config, Clock clock, Components components) {
        return config.s3().<BlobStore>map(s3 -> components.started(S3BlobStore.open(s3, clock)))
                .orElseGet(() -> new DiskBlobStore(config.folder()));
    }
}
