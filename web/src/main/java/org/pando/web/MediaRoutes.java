package org.pando.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Optional;
import org.pando.catalog.Video;
import org.pando.catalog.VideoNotFound;
import org.pando.pipeline.MediaLayout;

/**
 * {@code /media/<video>/...}: HLS playlists and segments, posters and storyboards, as the blob store keeps them
 * under {@code media/<video>/}, with range requests (206/416) for seeking. Playlists grow while a video is processed, so they
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
    private final BlobFiles files;
    private final RecentlyPublished published = new RecentlyPublished(PUBLISHED_FOR, MAX_REMEMBERED);

    MediaRoutes(Backend backend, Callers callers) {
        this.backend = backend;
        this.callers = callers;
        this.files = new BlobFiles(backend.blobs());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/*", this::serve).head("/*", this::serve);
    }

    private void serve(ServerRequest req, ServerResponse res) {
        String path = relative(req.path().path());
        if (path.isEmpty() || dotted(path)) {
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
        if (!files.send(req, res, MediaLayout.MEDIA + "/" + path)) {
            throw new VideoNotFound(id);
        }
    }

    /** Whether a served file's path has a dotted segment, which no served file has: {@code ..} would leave its folder. */
    static boolean dotted(String path) {
        return path.contains("..") || path.contains("/.");
    }

    /** The path below {@code /media/}, without a leading slash. */
    private static String relative(String path) {
        return path.startsWith(Views.MEDIA_PREFIX) ? path.substring(Views.MEDIA_PREFIX.length()) : path.replaceFirst("^/", "");
    }

    /** The first segment of a path below {@code /media/}: the video's id. */
    private static String videoId(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
