package org.pando.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pando.account.Account;
import org.pando.catalog.Channel;
import org.pando.catalog.Video;
import org.pando.domain.InvalidInput;
import org.pando.events.Surface;
import org.pando.recommend.Contribution;
import org.pando.recommend.FeedItem;
import org.pando.recommend.FeedPage;
import org.pando.recommend.FeedPreferences;
import org.pando.recommend.FeedRequest;
import org.pando.recommend.FeedStrategy;
import org.pando.recommend.Signal;
import org.pando.recommend.Viewer;

/**
 * The recommender's surfaces and the viewer's control over them.
 *
 * <ul>
 *   <li>{@code GET /api/v1/feed?surface=for-you|following|local}: a page, each video with its score and "why"
 *   (the score's parts) and the propensity to echo in its impression event. An empty first page says why
 *   ({@code empty_reason}).</li>
 *   <li>{@code GET /api/v1/videos/{id}/related}: what to watch after a video.</li>
 *   <li>{@code GET|PUT /api/v1/me/feed-preferences}: the For You strategy and the signal weights.</li>
 * </ul>
 */
final class FeedRoutes implements HttpService {
    private static final List<Surface> FEEDS = List.of(Surface.FOR_YOU, Surface.FOLLOWING, Surface.LOCAL);
    private static final int RELATED_LIMIT = 12;

    private final Backend backend;
    private final Callers callers;
    private final EventRecorder recorder;
    private final WebConfig config;

    FeedRoutes(Backend backend, Callers callers, EventRecorder recorder, WebConfig config) {
        this.backend = backend;
        this.callers = callers;
        this.recorder = recorder;
        this.config = config;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/feed", this::feed)
                .get("/api/v1/videos/{id}/related", this::related)
                .get("/api/v1/me/feed-preferences", this::preferences)
                .put("/api/v1/me/feed-preferences", this::savePreferences);
    }

    private void feed(ServerRequest req, ServerResponse res) {
        Surface surface = Query.text(req, "surface").map(s -> Surface.ofWireName(s).filter(FEEDS::contains)
                        .orElseThrow(() -> new InvalidInput("surface", "surface must be for-you, following or local.")))
                .orElse(Surface.FOR_YOU);
        Viewer viewer = callers.viewer(req);
        FeedPreferences preferences = viewer.accountId().flatMap(backend.preferences()::find).orElse(FeedPreferences.defaults());
        long seen = viewer.userId().map(recorder::lastSequence).orElse(0L);
        FeedPage page = backend.recommender().recommend(
                new FeedRequest(viewer, surface, Query.cursor(req), Query.limit(req, 10), preferences, seen));
        Map<String, Object> json = Views.page(items(page, viewer), page.nextCursor());
        json.put("surface", surface.wireName());
        json.put("strategy", surface == Surface.FOR_YOU ? preferences.strategy().wireName() : surface.wireName());
        json.put("skip_threshold_ms", config.skipThreshold().toMillis());
        if (page.items().isEmpty() && Query.cursor(req).isEmpty()) {
            json.put("empty_reason", emptyReason(surface, viewer));
        }
        Json.send(res, json);
    }

    private void related(ServerRequest req, ServerResponse res) {
        Viewer viewer = callers.viewer(req);
        String id = req.path().pathParameters().get("id");
        FeedPage page = backend.recommender().related(id, viewer, Query.limit(req, RELATED_LIMIT));
        Json.send(res, Views.page(items(page, viewer), Optional.empty()));
    }

    private void preferences(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Json.send(res, preferencesJson(backend.preferences().find(account.id()).orElse(FeedPreferences.defaults())));
    }

    private void savePreferences(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        JsonNode body = Json.body(req);
        FeedStrategy strategy = Json.optionalText(body, "strategy").map(s -> FeedStrategy.ofWireName(s)
                .orElseThrow(() -> new InvalidInput("strategy", "strategy must be one of " + strategies() + ".")))
                .orElse(FeedStrategy.PERSONALISED);
        Map<Signal, Double> weights = new EnumMap<>(Signal.class);
        JsonNode given = body.path("weights");
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Signal signal = Signal.ofWireName(e.getKey())
                    .orElseThrow(() -> new InvalidInput("weights", "There is no signal called '" + e.getKey() + "'."));
            if (!e.getValue().isNumber()) {
                throw new InvalidInput("weights", "The weight of " + e.getKey() + " must be a number.");
            }
            weights.put(signal, e.getValue().asDouble());
        }
        FeedPreferences preferences = new FeedPreferences(strategy, weights);
        backend.preferences().save(account.id(), preferences);
        Json.send(res, preferencesJson(preferences));
    }

    private static Map<String, Object> preferencesJson(FeedPreferences preferences) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategy", preferences.strategy().wireName());
        json.put("strategies", strategies());
        Map<String, Object> weights = new LinkedHashMap<>();
        for (Signal s : Signal.values()) {
            weights.put(s.wireName(), preferences.weight(s));
        }
        json.put("weights", weights);
        json.put("max_weight", FeedPreferences.MAX_WEIGHT);
        return json;
    }

    private static List<String> strategies() {
        List<String> names = new ArrayList<>();
        for (FeedStrategy s : FeedStrategy.values()) {
            names.add(s.wireName());
        }
        return names;
    }

    /**
     * The page's items as JSON, their videos, channels and the viewer's likes and follows each read at once (videos and
     * channels as read in the last few seconds).
     */
    private List<Map<String, Object>> items(FeedPage page, Viewer viewer) {
        Set<String> ids = new HashSet<>();
        for (FeedItem item : page.items()) {
            ids.add(item.videoId());
            item.why().forEach(c -> c.because().ifPresent(ids::add));
        }
        Map<String, Video> videos = backend.videos().findAllCached(ids);
        List<Video> shown = page.items().stream().map(item -> videos.get(item.videoId()))
                // gone, or held or rejected since the engine last read the catalogue (on this node at once; a decision
                // taken on another node within the seconds a video is cached)
                .filter(v -> v != null && v.published()).toList();
        Set<String> channelIds = shown.stream().map(Video::channelId).collect(Collectors.toSet());
        Map<String, Channel> channels = backend.channels().byIdsCached(channelIds);
        Set<String> liked = viewer.accountId().map(a -> backend.social().likedAmong(a, shown.stream().map(Video::id).toList()))
                .orElse(Set.of());
        Set<String> followed = viewer.accountId().map(a -> backend.channels().followedAmong(a, channelIds)).orElse(Set.of());
        List<Map<String, Object>> items = new ArrayList<>();
        for (FeedItem item : page.items()) {
            Video v = videos.get(item.videoId());
            if (v == null || !v.published() || !channels.containsKey(v.channelId())) {
                continue;
            }
            Map<String, Object> json = Views.video(v, channels.get(v.channelId()));
            if (viewer.accountId().isPresent()) {
                json.put("liked", liked.contains(v.id()));
                json.put("following", followed.contains(v.channelId()));
            }
            json.put("score", item.score());
            json.put("why", why(item, videos));
            json.put("propensity", item.propensity());
            json.put("exploration", item.exploration());
            items.add(json);
        }
        return items;
    }

    /** The score's parts, each with the video of the viewer's history it comes from, titled. */
    private static List<Map<String, Object>> why(FeedItem item, Map<String, Video> videos) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Contribution c : item.why()) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("signal", c.signal().wireName());
            part.put("value", c.value());
            c.because().map(videos::get)
                    .ifPresent(v -> part.put("because", Map.of("id", v.id(), "title", v.title(), "url", "/v/" + v.id())));
            parts.add(part);
        }
        return parts;
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
