package org.pando.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Some bytes of a blob, to be read once and closed.
 *
 * @param body   the bytes from {@code first}, {@code length} of them
 * @param first  the offset of the first byte in the blob
 * @param length how many bytes {@code body} gives
 * @param total  the blob's whole length
 */
public record BlobSlice(InputStream body, long first, long length, long total) implements AutoCloseable {

    /** Whether this is less than the whole blob, as an answer to a range request is. */
    public boolean partial() {
        return length != total;
    }

    /** The offset of the last byte given. */
    public long last() {
        return first + length - 1;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
