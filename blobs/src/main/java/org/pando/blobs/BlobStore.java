package org.pando.blobs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Files kept under keys: slash-separated relative paths such as {@code media/v1/720p/index.m3u8}, without empty,
 * {@code .} or {@code ..} segments ({@link BlobKeys#check}).
 *
 * <p>Files are made in a local folder and then given to the store, which may move them; they are read back as
 * a local file (for ffmpeg) or as a byte range (for the web).
 *
 * <pre>{@code
 * Path ladder = blobs.writable("media/" + id, work.resolve("media"));
 * ... ffmpeg writes the ladder into it ...
 * blobs.putTree("media/" + id, ladder);
 * }</pre>
 */
public interface BlobStore {

    /** Takes {@code file} under {@code key}, replacing what was there; the file may be moved away. */
    void put(String key, Path file);

    /**
     * Takes every regular file below {@code folder} under {@code prefix} plus its relative path; the files may be moved
     * away. Nothing happens when {@code folder} is where the store keeps that prefix already ({@link #writable}).
     */
    void putTree(String prefix, Path folder);

    /**
     * A folder in which to make the files that will be kept under {@code prefix}: the store's own folder when the
     * store is a local folder (so that what is written there is served while it is being written), {@code scratch}
     * otherwise. Either way, {@link #putTree} with the same prefix then keeps them.
     */
    Path writable(String prefix, Path scratch);

    /**
     * A local file with the bytes kept under {@code key}: the stored file itself when the store is a local folder,
     * otherwise a copy downloaded to {@code scratch}. Empty when there is no such key.
     */
    Optional<Path> readable(String key, Path scratch);

    /**
     * The bytes of {@code range} kept under {@code key}; empty when there is no such key.
     *
     * @throws RangeNotSatisfiable when the range starts past the end of the blob
     */
    Optional<BlobSlice> read(String key, ByteRange range);

    /** The blobs whose keys start with {@code prefix + "/"}, in key order. */
    List<BlobInfo> list(String prefix);

    /** Removes the blob under {@code key}, if there is one. */
    void delete(String key);

    /** Removes every blob whose key starts with {@code prefix + "/"}. */
    void deleteTree(String prefix);

    /** Total bytes of the blobs under {@code prefix}. */
    default long bytesUnder(String prefix) {
        return list(prefix).stream().mapToLong(BlobInfo::size).sum();
    }

    /** Whether a blob is kept under {@code key}. */
    boolean exists(String key);

    /**
     * An address from which the blob under {@code key} can be fetched without Pando, for {@code valid} from now; empty
     * when the store offers none (a local folder, or a bucket whose downloads go through Pando).
     */
    default Optional<URI> directUrl(String key, Duration valid) {
        return Optional.empty();
    }

    /**
     * Whether files written into a {@link #writable} folder are kept, and served, as they are written: true of a local
     * folder, false of a store that takes them only at {@link #putTree}.
     */
    boolean keepsWhileWriting();
}
