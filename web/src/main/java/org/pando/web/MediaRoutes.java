package org.pando.web;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.FileSystemHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.util.Optional;
import org.pando.catalog.Video;
import org.pando.catalog.VideoNotFound;

/**
 * {@code /media/<video>/...}: HLS playlists and segments, posters and storyboards from the renditions
 * directory, with range requests (206/416) for seeking. Playlists grow while a video is processed, so they
 * are never cached; everything else may be cached briefly (a retried job rewrites it). The files of a video
 * that is not published (held for review, rejected, still being checked) are served only to its owner and
 * moderators; to anyone else they do not exist.
 */
final class MediaRoutes implements HttpService {
    private final Backend backend;
    private final Callers callers;
    private final HttpService files;

    MediaRoutes(Backend backend, Callers callers) {
        this.backend = backend;
        this.callers = callers;
        this.files = StaticContentFeature.createService(FileSystemHandlerConfig.builder()
                .location(backend.renditions())
                .putContentType("m3u8", MediaTypes.create("application/vnd.apple.mpegurl"))
                .putContentType("m4s", MediaTypes.create("video/iso.segment"))
                .putContentType("mp4", MediaTypes.create("video/mp4"))
                .putContentType("ts", MediaTypes.create("video/mp2t"))
                .putContentType("vtt", MediaTypes.create("text/vtt"))
                .build());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/*", this::guard).head("/*", this::guard).register(files);
    }

    private void guard(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        if (path.contains("..") || path.contains("/.")) {
            res.next();
            return;
        }
        Optional<Video> video = backend.videos().find(videoId(path));
        if (video.isPresent() && !video.get().published() && !backend.videos().visibleTo(video.get(), callers.optional(req))) {
            throw new VideoNotFound(video.get().id());
        }
        boolean restricted = video.isPresent() && !video.get().published();
        res.header(HeaderNames.CACHE_CONTROL, restricted ? "private, no-cache"
                : path.endsWith(".m3u8") ? "no-cache" : "public, max-age=300");
        res.header(HeaderNames.create("Access-Control-Allow-Origin"), "*");
        res.next();
    }

    /** The first segment of the path below {@code /media/}: the video's id. */
    private static String videoId(String path) {
        String rest = path.startsWith(Views.MEDIA_PREFIX) ? path.substring(Views.MEDIA_PREFIX.length()) : path.replaceFirst("^/", "");
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
