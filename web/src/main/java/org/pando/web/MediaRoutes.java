package org.pando.web;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.FileSystemHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.nio.file.Path;

/**
 * {@code /media/<video>/...}: HLS playlists and segments, posters and storyboards from the renditions
 * directory, with range requests (206/416) for seeking. Playlists grow while a video is processed, so they
 * are never cached; everything else may be cached briefly (a retried job rewrites it).
 */
final class MediaRoutes implements HttpService {
    private final HttpService files;

    MediaRoutes(Path renditions) {
        this.files = StaticContentFeature.createService(FileSystemHandlerConfig.builder()
                .location(renditions)
                .putContentType("m3u8", MediaTypes.create("application/vnd.apple.mpegurl"))
                .putContentType("m4s", MediaTypes.create("video/iso.segment"))
                .putContentType("mp4", MediaTypes.create("video/mp4"))
                .putContentType("ts", MediaTypes.create("video/mp2t"))
                .putContentType("vtt", MediaTypes.create("text/vtt"))
                .build());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/*", MediaRoutes::cacheHeaders).head("/*", MediaRoutes::cacheHeaders).register(files);
    }

    private static void cacheHeaders(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        if (path.contains("..") || path.contains("/.")) {
            res.next();
            return;
        }
        res.header(HeaderNames.CACHE_CONTROL, path.endsWith(".m3u8") ? "no-cache" : "public, max-age=300");
        res.header(HeaderNames.create("Access-Control-Allow-Origin"), "*");
        res.next();
    }
}
