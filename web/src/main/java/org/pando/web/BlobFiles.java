package org.pando.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.pando.blobs.BlobSlice;
import org.pando.blobs.BlobStore;
import org.pando.blobs.ByteRange;
import org.pando.blobs.RangeNotSatisfiable;

/**
 * Sends kept files over HTTP, wherever the {@link BlobStore} keeps them: the content type from the name's extension,
 * {@code HEAD}, and one byte range per request ({@code 206}, or {@code 416} past the end) so that players can seek.
 * When the store hands out addresses of its own, everything but playlists is a redirect there instead (playlists
 * name their segments relative to themselves, so they stay here).
 */
final class BlobFiles {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("m3u8", "application/vnd.apple.mpegurl"),
            Map.entry("m4s", "video/iso.segment"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("ts", "video/mp2t"),
            Map.entry("vtt", "text/vtt"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("png", "image/png"));
    /** How long a redirect's address stays valid: beyond the five minutes a response may be cached. */
    private static final Duration DIRECT_FOR = Duration.ofMinutes(15);
    private final BlobStore blobs;

    BlobFiles(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * Sends the blob under {@code key}, or the range of it the request asks for.
     *
     * @return false, having sent nothing, when there is no such blob
     */
    boolean send(ServerRequest req, ServerResponse res, String key) {
        Optional<URI> direct = key.endsWith(".m3u8") ? Optional.empty() : blobs.directUrl(key, DIRECT_FOR);
        if (direct.isPresent()) {
            res.status(Status.FOUND_302).header(HeaderNames.LOCATION, direct.get().toString()).send();
            return true;
        }
        Optional<BlobSlice> found;
        try {
            found = blobs.read(key, ByteRange.of(req.headers().first(HeaderNames.RANGE)));
        } catch (RangeNotSatisfiable e) {
            res.status(Status.REQUESTED_RANGE_NOT_SATISFIABLE_416)
                    .header(HeaderNames.CONTENT_RANGE, "bytes */" + e.total())
                    .send();
            return true;
        }
        if (found.isEmpty()) {
            return false;
        }
        try (BlobSlice slice = found.get()) {
            res.header(HeaderNames.CONTENT_TYPE, type(key));
            res.header(HeaderNames.ACCEPT_RANGES, "bytes");
            if (slice.partial()) {
                res.status(Status.PARTIAL_CONTENT_206);
                res.header(HeaderNames.CONTENT_RANGE, "bytes " + slice.first() + "-" + slice.last() + "/" + slice.total());
            }
            res.header(HeaderNames.CONTENT_LENGTH, Long.toString(slice.length()));
            if (req.prologue().method() == Method.HEAD) {
                res.send();
                return true;
            }
            try (OutputStream out = res.outputStream()) {
                slice.body().transferTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** The content type of a file named so. */
    static String type(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream" : TYPES.getOrDefault(key.substring(dot + 1), "application/octet-stream");
    }
}
