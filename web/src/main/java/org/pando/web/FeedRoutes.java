package org.pando.web;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pando.catalog.Video;
import org.pando.domain.InvalidInput;
import org.pando.events.Surface;
import org.pando.recommend.FeedPage;
import org.pando.recommend.FeedRequest;
import org.pando.recommend.Viewer;

/**
 * {@code GET /api/v1/feed?surface=for-you|following|local}: a page chosen by the recommender. An empty page
 * says why ({@code empty_reason}), so the page can tell the viewer what to do.
 */
final class FeedRoutes implements HttpService {
    private static final List<Surface> FEEDS = List.of(Surface.FOR_YOU, Surface.FOLLOWING, Surface.LOCAL);

    private final Backend backend;
    private final Callers callers;
    private final WebConfig config;

    FeedRoutes(Backend backend, Callers callers, WebConfig config) {
        this.backend = backend;
        this.callers = callers;
        this.config = config;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/feed", this::feed);
    }

    private void feed(ServerRequest req, ServerResponse res) {
        Surface surface = Query.text(req, "surface").map(s -> Surface.ofWireName(s).filter(FEEDS::contains)
                        .orElseThrow(() -> new InvalidInput("surface", "surface must be for-you, following or local.")))
                .orElse(Surface.FOR_YOU);
        Viewer viewer = callers.viewer(req);
        FeedPage page = backend.recommender().recommend(new FeedRequest(viewer, surface, Query.cursor(req), Query.limit(req, 10)));
        Views.ChannelCache channels = new Views.ChannelCache(backend.channels());
        List<Map<String, Object>> items = page.videoIds().stream()
                .map(backend.videos()::find).flatMap(Optional::stream)
                .map((Video v) -> withViewerState(Views.video(v, channels.get(v.channelId())), v, viewer))
                .toList();
        Map<String, Object> json = Views.page(items, page.nextCursor());
        json.put("surface", surface.wireName());
        json.put("skip_threshold_ms", config.skipThreshold().toMillis());
        if (items.isEmpty() && Query.cursor(req).isEmpty()) {
            json.put("empty_reason", emptyReason(surface, viewer));
        }
        Json.send(res, json);
    }

    /** Whether the signed-in viewer already likes the video and follows its channel. */
    private Map<String, Object> withViewerState(Map<String, Object> json, Video video, Viewer viewer) {
        viewer.accountId().ifPresent(account -> {
            json.put("liked", backend.social().likes(account, video.id()));
            json.put("following", backend.channels().isFollowing(account, video.channelId()));
        });
        return json;
    }

    private static String emptyReason(Surface surface, Viewer viewer) {
        if (surface == Surface.FOLLOWING) {
            return viewer.accountId().isEmpty() ? "sign-in" : "follow-someone";
        }
        if (surface == Surface.LOCAL && viewer.country().isEmpty() && viewer.languages().isEmpty()) {
            return "set-country";
        }
        return "no-videos";
    }
}
