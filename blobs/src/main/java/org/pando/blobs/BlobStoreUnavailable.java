package org.pando.blobs;

/** The object store could not be opened: unreachable, refusing the credentials, or without the bucket and the right to make it. */
public final class BlobStoreUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BlobStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
