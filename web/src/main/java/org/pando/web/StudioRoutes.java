package org.pando.web;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.catalog.Channel;
import org.pando.catalog.NotAllowed;
import org.pando.catalog.Video;
import org.pando.events.Surface;
import org.pando.ledger.Coins;
import org.pando.ledger.Earnings;
import org.pando.stats.ChannelStats;
import org.pando.stats.Exposure;
import org.pando.stats.Lorenz;
import org.pando.stats.StatsStore.Shown;
import org.pando.stats.VideoStats;
import org.pando.stats.VideoTotals;
import org.pando.stats.ViewForecast;

/** The creator's statistics of a video and of a channel, and their earnings, for their owner only. */
final class StudioRoutes implements HttpService {
    private static final int RECENT_VIDEOS = 20;

    private final Backend backend;
    private final Callers callers;

    StudioRoutes(Backend backend, Callers callers) {
        this.backend = backend;
        this.callers = callers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/studio/videos/{id}/stats", this::videoStats)
                .get("/api/v1/studio/channels/{handle}/stats", this::channelStats)
                .get("/api/v1/studio/earnings", this::earnings);
    }

    /** The tips the creator received in a month, per video, from the ledger the wallet's statement reads. */
    private void earnings(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Earnings earnings = backend.wallets().earnings(account.id(), Query.month(req, backend.clock()));
        Map<String, Video> videos = backend.videos().findAll(earnings.byVideo().stream().map(Earnings.VideoTips::videoId).toList());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("month", earnings.month().toString());
        json.put("currency", Coins.CODE);
        json.put("tips", earnings.tips());
        json.put("amount_minor", earnings.amountMinor());
        json.put("amount", Coins.format(earnings.amountMinor()));
        json.put("videos", earnings.byVideo().stream().map(v -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", v.videoId());
            row.put("title", Optional.ofNullable(videos.get(v.videoId())).map(Video::title).orElse(""));
            row.put("tips", v.tips());
            row.put("amount_minor", v.amountMinor());
            row.put("amount", Coins.format(v.amountMinor()));
            return row;
        }).toList());
        Json.send(res, json);
    }

    private void videoStats(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Video video = backend.videos().get(req.path().pathParameters().get("id"));
        if (!backend.videos().ownedBy(video, account.id())) {
            throw new NotAllowed("Only the video's creator can see its statistics.");
        }
        VideoStats stats = backend.stats().video(video.id(), video.channelId(), video.durationMs());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", video.id());
        json.put("title", video.title());
        json.put("duration_ms", video.durationMs());
        json.putAll(totals(stats.totals()));
        json.put("retention", stats.retention());
        json.put("similar_median", stats.similarMedian());
        putAudience(json, stats.sources(), stats.countries(), stats.languages(), stats.lastHour());
        json.put("forecast_30m", stats.forecast().views());
        json.put("forecast", forecast(stats.forecast().model()));
        Json.send(res, json);
    }

    private void channelStats(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Channel channel = backend.channels().byHandle(req.path().pathParameters().get("handle"));
        if (!channel.ownerId().equals(account.id())) {
            throw new NotAllowed("Only the channel's owner can see its statistics.");
        }
        ChannelStats stats = backend.stats().channel(channel.id());
        Map<String, Video> videos = backend.videos().findAll(stats.videos().stream().map(VideoTotals::videoId).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VideoTotals v : stats.videos()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", v.videoId());
            row.put("title", Optional.ofNullable(videos.get(v.videoId())).map(Video::title).orElse(""));
            row.put("duration_ms", v.durationMs());
            row.putAll(totals(v));
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("handle", channel.handle());
        json.put("name", channel.displayName());
        json.putAll(totals(stats.sum()));
        json.put("videos", rows);
        putAudience(json, stats.sources(), stats.countries(), stats.languages(), stats.lastHour());
        List<Video> recent = backend.videos().ofChannel(channel.id(), Optional.empty(), RECENT_VIDEOS).items();
        json.put("exposure", exposure(backend.stats().exposure(channel.id(),
                recent.stream().map(v -> new Exposure.Published(v.id(), v.createdAt())).toList()), recent));
        Json.send(res, json);
    }

    private static Map<String, Object> totals(VideoTotals t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("views", t.views());
        json.put("unique_viewers", t.uniqueViewers());
        json.put("watch_time_ms", t.watchMs());
        json.put("average_view_duration_ms", t.averageViewMs());
        json.put("completion_rate", t.completionRate());
        json.put("impressions", t.impressions());
        json.put("likes", t.likes());
        json.put("comments", t.comments());
        json.put("shares", t.shares());
        json.put("followers_gained", t.followersGained());
        return json;
    }

    /** Traffic sources (views per surface, and impressions with their play rate), countries, languages, the last hour. */
    private static void putAudience(Map<String, Object> json, Map<Surface, Shown> sources, Map<String, Long> countries,
            Map<String, Long> languages, long[] lastHour) {
        Map<String, Long> views = new LinkedHashMap<>();
        List<Map<String, Object>> surfaces = new ArrayList<>();
        for (Surface surface : Surface.values()) {
            Shown shown = sources.getOrDefault(surface, new Shown(0, 0));
            views.put(surface.wireName(), shown.views());
            surfaces.add(Map.of("surface", surface.wireName(), "impressions", shown.impressions(), "views", shown.views(),
                    "play_rate", shown.playRate()));
        }
        json.put("sources", views);
        json.put("surfaces", surfaces);
        json.put("countries", countries);
        json.put("languages", languages);
        json.put("last_hour", lastHour);
    }

    /** How a forecast was made and its errors on held-out history ({@code null} while they cannot be measured). */
    static Map<String, Object> forecast(ViewForecast.Model model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model.fitted() ? "linear" : "persistence");
        json.put("trained_on", model.trained());
        json.put("held_out", model.heldOut());
        json.put("mae", finite(model.mae()));
        json.put("persistence_mae", finite(model.baselineMae()));
        return json;
    }

    private static Map<String, Object> exposure(Exposure e, List<Video> recent) {
        Map<String, String> titles = new LinkedHashMap<>();
        recent.forEach(v -> titles.put(v.id(), v.title()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("for_you_impressions", e.forYouImpressions());
        json.put("for_you_share", e.forYouShare());
        json.put("gini", e.gini());
        json.put("channels", e.channels());
        json.put("lorenz", points(e.lorenz()));
        json.put("standing", point(e.standing()));
        json.put("new_videos", e.newVideos().stream().map(g -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", g.videoId());
            row.put("title", titles.getOrDefault(g.videoId(), ""));
            row.put("published_at", g.publishedAt().toString());
            row.put("impressions", g.impressions());
            row.put("promised", g.promised());
            row.put("window_minutes", g.window().toMinutes());
            row.put("delivery", g.delivery().name().toLowerCase(Locale.ROOT));
            return row;
        }).toList());
        return json;
    }

    /** A Lorenz curve as {@code [share of channels, share of impressions]} pairs. */
    static List<double[]> points(Lorenz lorenz) {
        return lorenz.points().stream().map(StudioRoutes::point).toList();
    }

    private static double[] point(Lorenz.Point p) {
        return new double[] {p.creators(), p.impressions()};
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
