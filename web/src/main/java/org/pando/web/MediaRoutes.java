package org.pando.web;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.FileSystemHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.time.Duration;
import java.util.Optional;
import org.pando.catalog.Video;
import org.pando.catalog.VideoNotFound;

/**
 * {@code /media/<video>/...}: HLS playlists and segments, posters and storyboards from the renditions
 * directory, with range requests (206/416) for seeking. Playlists grow while a video is processed, so they
 * are never cached; everything else may be cached briefly (a retried job rewrites it). The files of a video
 * that is not published (held for review, rejected, still being checked) are served only to its owner and
 * moderators; to anyone else they do not exist. A video found published is remembered briefly, so that the
 * segments of a video being watched are served without a database read each.
 */
final class MediaRoutes implements HttpService {
    /**
     * How long a video found published is served without asking the database again: well within the five minutes
     * for which its files may be cached anyway, so a video held meanwhile stops being served about as soon.
     */
    private static final Duration PUBLISHED_FOR = Duration.ofSeconds(30);
    private static final int MAX_REMEMBERED = 10_000;
    private final Backend backend;
    private final Callers callers;
    private final HttpService files;
    private final RecentlyPublished published = new RecentlyPublished(PUBLISHED_FOR, MAX_REMEMBERED);

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
        if (dotted(path)) {
            // No media file has such a name; refusing here keeps a dotted path from reaching another video's files
            // past the check below.
            throw new VideoNotFound(path);
        }
        String id = videoId(path);
        boolean restricted = !published.contains(id);
        if (restricted) {
            Optional<Video> video = backend.videos().find(id);
            if (video.isPresent() && !video.get().published() && !backend.videos().visibleTo(video.get(), callers.optional(req))) {
                throw new VideoNotFound(id);
            }
            restricted = video.isPresent() && !video.get().published();
            if (video.isPresent() && !restricted) {
                published.remember(id);
            }
        }
        res.header(HeaderNames.CACHE_CONTROL, restricted ? "private, no-cache"
                : path.endsWith(".m3u8") ? "no-cache" : "public, max-age=300");
        res.header(HeaderNames.create("Access-Control-Allow-Origin"), "*");
        res.next();
    }

    /** Whether a served file's path has a dotted segment, which no served file has: {@code ..} would leave its folder. */
    static boolean dotted(String path) {
        return path.contains("..") || path.contains("/.");
    }

    /** The first segment of the path below {@code /media/}: the video's id. */
    private static String videoId(String path) {
        String rest = path.startsWith(Views.MEDIA_PREFIX) ? path.substring(Views.MEDIA_PREFIX.length()) : path.replaceFirst("^/", "");
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
