package org.pando.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.pando.learn.Gini;
import org.pando.stats.StatsDelta.Audience;
import org.pando.stats.StatsStore.Scope;
import org.pando.stats.StatsStore.Shown;

/**
 * The statistics of a video or a channel as the studio shows them, read from the pre-aggregated totals. Before
 * each read the aggregator writes what it holds ({@code catchUp}), so a page counts every event applied so far.
 * Callers decide who may see them.
 *
 * <pre>{@code
 * CreatorStats stats = new CreatorStats(store, aggregator::flush, new Exposure.FreshTerms(Duration.ofMinutes(30), 50), clock);
 * VideoStats video = stats.video(videoId, channelId, durationMs);
 * }</pre>
 */
public final class CreatorStats {
    private static final Duration FORECAST_HISTORY = Duration.ofDays(3);
    private static final Duration FORECAST_REFIT = Duration.ofMinutes(10);
    private static final int SIMILAR_VIDEOS = 20;
    private static final int RECENT_VIDEOS = 20;

    private final StatsStore store;
    private final Runnable catchUp;
    private final Exposure.FreshTerms fresh;
    private final Clock clock;
    private FittedAt forecast;

    public CreatorStats(StatsStore store, Runnable catchUp, Exposure.FreshTerms fresh, Clock clock) {
        this.store = store;
        this.catchUp = catchUp;
        this.fresh = fresh;
        this.clock = clock;
    }

    /** A video's statistics; all zeros when no event has named it yet. */
    public VideoStats video(String videoId, String channelId, long durationMs) {
        catchUp.run();
        VideoTotals totals = store.video(videoId).orElse(VideoTotals.none(videoId, channelId, durationMs));
        int lastSecond = (int) (Math.max(durationMs, totals.durationMs()) / 1000);
        double[] retention = retention(store.reach(videoId, lastSecond), totals.views());
        Scope scope = Scope.video(videoId);
        long[] lastHour = lastHour(scope);
        ViewForecast.Model model = forecastModel();
        return new VideoStats(totals, retention, similarMedian(totals, lastSecond), store.surfaces(scope),
                store.audience(scope, Audience.COUNTRY), store.audience(scope, Audience.LANGUAGE), lastHour,
                new VideoStats.Forecast(model.predict(ViewForecast.completeMinutes(lastHour)), model));
    }

    /** A channel's statistics: its videos added up, and each of them. */
    public ChannelStats channel(String channelId) {
        catchUp.run();
        List<VideoTotals> videos = new ArrayList<>(store.channelVideos(channelId));
        videos.sort(Comparator.comparingLong(VideoTotals::views).reversed().thenComparing(VideoTotals::videoId));
        long[] sum = new long[9];
        for (VideoTotals v : videos) {
            long[] row = {v.views(), v.impressions(), v.watchMs(), v.completes(), v.likes(), v.comments(), v.shares()};
            for (int i = 0; i < row.length; i++) {
                sum[i] += row[i];
            }
        }
        VideoTotals total = new VideoTotals("", channelId, 0, sum[0], store.uniqueViewers(channelId), sum[1], sum[2], sum[3],
                sum[4], sum[5], sum[6], store.followersGained(channelId));
        Scope scope = Scope.channel(channelId);
        return new ChannelStats(total, List.copyOf(videos), store.surfaces(scope), store.audience(scope, Audience.COUNTRY),
                store.audience(scope, Audience.LANGUAGE), lastHour(scope));
    }

    /**
     * The channel's impressions against the fairness policy: its share of For You, its place on the instance's
     * Lorenz curve, and whether its most recent videos (of {@code published}) got their first impressions in time.
     */
    public Exposure exposure(String channelId, List<Exposure.Published> published) {
        catchUp.run();
        Map<String, StatsStore.ChannelImpressions> shown = store.impressionsByChannel();
        long mine = Optional.ofNullable(shown.get(channelId)).map(StatsStore.ChannelImpressions::forYou).orElse(0L);
        long all = shown.values().stream().mapToLong(StatsStore.ChannelImpressions::forYou).sum();
        long[] counts = shown.values().stream().mapToLong(StatsStore.ChannelImpressions::all).toArray();
        long myImpressions = Optional.ofNullable(shown.get(channelId)).map(StatsStore.ChannelImpressions::all).orElse(0L);
        Instant now = clock.instant();
        List<Exposure.Guarantee> guarantees = published.stream()
                .sorted(Comparator.comparing(Exposure.Published::at).reversed()).limit(RECENT_VIDEOS)
                .map(p -> guarantee(p, now)).toList();
        return new Exposure(mine, all == 0 ? 0 : (double) mine / all, Lorenz.of(counts), Lorenz.standing(counts, myImpressions),
                Gini.of(counts), counts.length, guarantees);
    }

    private Exposure.Guarantee guarantee(Exposure.Published video, Instant now) {
        long from = video.at().getEpochSecond() / 60;
        long to = Math.ceilDiv(video.at().plus(fresh.window()).getEpochSecond(), 60);
        long impressions = store.impressionsBetween(video.videoId(), from, to);
        Exposure.Delivery delivery = impressions >= fresh.impressions() ? Exposure.Delivery.DELIVERED
                : now.isBefore(video.at().plus(fresh.window())) ? Exposure.Delivery.UNDERWAY : Exposure.Delivery.MISSED;
        return new Exposure.Guarantee(video.videoId(), video.at(), impressions, fresh.impressions(), fresh.window(), delivery);
    }

    /** Share of views that reached each second. */
    static double[] retention(long[] reach, long views) {
        double[] retention = new double[reach.length];
        for (int s = 0; s < reach.length; s++) {
            retention[s] = views == 0 ? 0 : (double) reach[s] / views;
        }
        return retention;
    }

    /** At each second up to {@code lastSecond}, the median retention of the channel's other videos of a similar length. */
    private double[] similarMedian(VideoTotals video, int lastSecond) {
        long length = Math.max(video.durationMs(), 1000);
        List<double[]> curves = store.channelVideos(video.channelId()).stream()
                .filter(v -> !v.videoId().equals(video.videoId()) && v.views() > 0)
                .filter(v -> v.durationMs() * 4 >= length * 3 && v.durationMs() * 3 <= length * 4)
                .sorted(Comparator.comparingLong(VideoTotals::views).reversed()).limit(SIMILAR_VIDEOS)
                .map(v -> retention(store.reach(v.videoId(), lastSecond), v.views())).toList();
        if (curves.isEmpty()) {
            return new double[0];
        }
        double[] median = new double[lastSecond + 1];
        double[] at = new double[curves.size()];
        for (int s = 0; s <= lastSecond; s++) {
            for (int i = 0; i < curves.size(); i++) {
                at[i] = curves.get(i)[s];
            }
            Arrays.sort(at);
            int n = at.length;
            median[s] = n % 2 == 1 ? at[n / 2] : (at[n / 2 - 1] + at[n / 2]) / 2;
        }
        return median;
    }

    private long[] lastHour(Scope scope) {
        long now = clock.instant().getEpochSecond() / 60;
        SortedMap<Long, Shown> minutes = store.minutes(scope, now - ViewForecast.HISTORY + 1);
        return ViewForecast.hourEnding(now, minute -> Optional.ofNullable(minutes.get(minute)).map(Shown::views).orElse(0L));
    }

    /**
     * The forecast fitted to the instance's view curves of the last three days up to the minute under way,
     * refitted every ten minutes at most, by one request while the others wait for it.
     */
    private synchronized ViewForecast.Model forecastModel() {
        Instant now = clock.instant();
        FittedAt current = forecast;
        if (current == null || now.isAfter(current.at.plus(FORECAST_REFIT)) || now.isBefore(current.at)) {
            long nowMinute = now.getEpochSecond() / 60;
            current = new FittedAt(ViewForecast.fit(store.viewsSince(nowMinute - FORECAST_HISTORY.toMinutes()), nowMinute), now);
            forecast = current;
        }
        return current.model;
    }

    private record FittedAt(ViewForecast.Model model, Instant at) {
    }
}
