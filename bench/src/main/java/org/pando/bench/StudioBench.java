package org.pando.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.pando.eval.ProgressBar;
import org.pando.events.EventType;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.stats.ChannelStats;
import org.pando.stats.CreatorStats;
import org.pando.stats.Exposure;
import org.pando.stats.StatsAggregator;
import org.pando.stats.VideoStats;
import org.pando.store.Database;
import org.pando.store.DatabaseConfig;
import org.pando.store.EventLogScan;
import org.pando.store.JdbiEventLog;
import org.pando.store.JdbiStatsStore;

/**
 * {@code pando bench studio}: a channel's studio page when the channel has a million events. Synthetic views of
 * the channel's 200 videos (a popularity that falls off as 1/rank, lengths from 15 s to 3 min, viewers from eight
 * countries, each view an impression, a play, progress every 5 s and a complete or skip) and a tenth as many of
 * 99 other channels are appended to the event log of an embedded database, folded into the statistics by the
 * aggregator, and then the channel's page (its statistics, its exposure, its most viewed video's statistics) is read
 * warm and timed. The anchor computes the page's simpler numbers (views, unique viewers, impressions and
 * completions per video, sources, countries, the last hour, impressions per channel) by scanning the event log
 * with SQL, as a platform without pre-aggregation would; it skips watch time and retention, so the ratio
 * understates the difference.
 */
final class StudioBench {
    static final double PAGE_TARGET_MS = 1000;
    private static final String CHANNEL = "benchchannel0000";
    private static final int VIDEOS = 200;
    private static final int OTHER_CHANNELS = 99;
    private static final int VIEWERS = 50_000;
    private static final int BATCH = 5_000;
    private static final int READS = 30;
    private static final String[][] AUDIENCE = {{"KR", "ko"}, {"US", "en"}, {"JP", "ja"}, {"BR", "pt"}, {"IN", "hi"},
        {"ID", "id"}, {"MX", "es"}, {"DE", "de"}};
    private static final Surface[] SURFACES = Surface.values();

    private final Path work;
    private final int events;
    private final PrintStream out;

    StudioBench(Path work, int events, PrintStream out) {
        this.work = work;
        this.events = events;
        this.out = out;
    }

    int run(Path jsonFile) {
        MediaBench.clean(work);
        Instant now = Instant.parse("2026-06-08T12:00:00Z");
        try (Database database = Database.open(DatabaseConfig.embedded(work))) {
            JdbiEventLog log = new JdbiEventLog(database.jdbi());
            EventLogScan anchor = new EventLogScan(database.jdbi(), CHANNEL, now);
            long appendStart = System.nanoTime();
            int channelEvents = generate(log, now);
            double appendSeconds = (System.nanoTime() - appendStart) / 1e9;
            long total = anchor.events();

            JdbiStatsStore store = new JdbiStatsStore(database.jdbi());
            long foldStart = System.nanoTime();
            try (StatsAggregator aggregator = new StatsAggregator(store, Duration.ofHours(1))) {
                fold(log, aggregator, total);
            }
            double foldSeconds = (System.nanoTime() - foldStart) / 1e9;

            CreatorStats stats = new CreatorStats(store, () -> { }, new Exposure.FreshTerms(Duration.ofMinutes(30), 20),
                    Clock.fixed(now, ZoneOffset.UTC));
            List<Exposure.Published> published = new ArrayList<>();
            for (int v = 0; v < VIDEOS; v++) {
                published.add(new Exposure.Published(videoId(0, v), now.minus(Duration.ofDays(8)).plusSeconds(v * 600L)));
            }
            Supplier<Long> page = () -> {
                ChannelStats channel = stats.channel(CHANNEL);
                stats.exposure(CHANNEL, published);
                VideoStats top = stats.video(channel.videos().getFirst().videoId(), CHANNEL, 180_000);
                return channel.sum().views() + top.retention().length;
            };
            Histogram pando;
            Histogram scan;
            try (StatsAggregator liveAggregator = new StatsAggregator(store, Duration.ofHours(1))) {
                LiveViews live = new LiveViews(log, liveAggregator, now);
                pando = timed("Pando: pre-aggregated totals", page, live);
                scan = timed("anchor: SQL over the event log", anchor::run, live);
            }
            long pandoViews = stats.channel(CHANNEL).sum().views();
            long anchorViews = anchor.run();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("benchmark", "studio");
            report.put("database", "H2 (embedded, file)");
            report.put("events", total);
            report.put("channel_events", channelEvents);
            report.put("channel_videos", VIDEOS);
            report.put("append_events_per_s", Math.round(total / appendSeconds));
            report.put("fold_events_per_s", Math.round(total / foldSeconds));
            report.put("channel_views", pandoViews);
            report.put("anchor_channel_views", anchorViews);
            report.put("reads", READS);
            report.put("page_p50_ms", ms(pando, 50));
            report.put("page_p99_ms", ms(pando, 99));
            report.put("anchor_p50_ms", ms(scan, 50));
            report.put("anchor_p99_ms", ms(scan, 99));
            report.put("anchor_to_pando_p50", Reports.round(ms(scan, 50) / ms(pando, 50)));
            report.put("page_target_ms", PAGE_TARGET_MS);
            report.put("page_target_ratio", Reports.round(ms(pando, 99) / PAGE_TARGET_MS));
            report.put("peak_rss_mb", Reports.peakRssMb());
            report.put("cores", Runtime.getRuntime().availableProcessors());
            print(report);
            Reports.write(jsonFile, report);
            return pandoViews == anchorViews && ms(pando, 99) <= PAGE_TARGET_MS ? 0 : 1;
        } finally {
            MediaBench.clean(work);
        }
    }

    /**
     * Appends the channel's events until there are {@code events} of them, and a tenth as many of the other
     * channels, in time order over the week before {@code now}; returns the channel's count.
     */
    private int generate(JdbiEventLog log, Instant now) {
        SplittableRandom random = new SplittableRandom(42);
        double[] popularity = new double[VIDEOS];
        double sum = 0;
        for (int v = 0; v < VIDEOS; v++) {
            sum += 1.0 / (v + 1);
            popularity[v] = sum;
        }
        int others = events / 10;
        int target = events + others;
        long span = Duration.ofDays(7).toMillis();
        List<UserEvent> batch = new ArrayList<>(BATCH + 64);
        int written = 0;
        int mine = 0;
        ProgressBar bar = new ProgressBar("studio", out);
        while (mine < events || written - mine < others) {
            boolean ours = mine < events && (written - mine >= others || random.nextInt(11) < 10);
            int channel = ours ? 0 : 1 + random.nextInt(OTHER_CHANNELS);
            int video = ours ? pick(popularity, sum * random.nextDouble()) : random.nextInt(20);
            long duration = 15_000 + (video * 7_919L % 166) * 1_000;
            Instant at = now.minusMillis(span).plusMillis((long) (span * Math.min(1, written / (double) target)));
            List<UserEvent> view = view(random, channel, video, duration, at);
            batch.addAll(view);
            written += view.size();
            if (ours) {
                mine += view.size();
            }
            if (batch.size() >= BATCH) {
                log.append(batch);
                batch.clear();
                bar.report("appending events", Math.min(1, written / (double) target));
            }
        }
        log.append(batch);
        bar.done();
        return mine;
    }

    private static int pick(double[] cumulative, double x) {
        int at = Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
    }

    /** One viewer's view: shown, played, watched for a while in 5-second reports, completed or skipped. */
    private static List<UserEvent> view(SplittableRandom random, int channel, int video, long duration, Instant at) {
        String user = "viewer-" + random.nextInt(VIEWERS);
        String[] audience = AUDIENCE[Math.min(AUDIENCE.length - 1, (int) (-Math.log(1 - random.nextDouble()) * 2))];
        Surface surface = SURFACES[Math.min(SURFACES.length - 1, (int) (-Math.log(1 - random.nextDouble()) * 1.5))];
        long watched = random.nextDouble() < 0.35 ? duration : (long) (duration * random.nextDouble());
        List<UserEvent> view = new ArrayList<>();
        view.add(event(EventType.IMPRESSION, user, channel, video, surface, audience, 0, duration, at));
        view.add(event(EventType.PLAY, user, channel, video, surface, audience, 0, duration, at));
        for (long t = 5_000; t < watched; t += 5_000) {
            view.add(event(EventType.PROGRESS, user, channel, video, surface, audience, t, duration, at.plusMillis(t)));
        }
        EventType end = watched >= duration ? EventType.COMPLETE : EventType.SKIP;
        view.add(event(end, user, channel, video, surface, audience, watched, duration, at.plusMillis(watched)));
        return view;
    }

    private static UserEvent event(EventType type, String user, int channel, int video, Surface surface, String[] audience,
            long watched, long duration, Instant at) {
        return new UserEvent(type, user, videoId(channel, video), channelId(channel), surface, Optional.of(audience[0]),
                Optional.of(audience[1]), watched, duration, at);
    }

    private static String videoId(int channel, int video) {
        return String.format(Locale.ROOT, "bv%03d%05d", channel, video);
    }

    private static String channelId(int channel) {
        return channel == 0 ? CHANNEL : String.format(Locale.ROOT, "benchother%06d", channel);
    }

    /** Reads the log as the event stream would and folds it into the statistics, writing every 50 000 events. */
    private void fold(JdbiEventLog log, StatsAggregator aggregator, long total) {
        ProgressBar bar = new ProgressBar("studio", out);
        long after = 0;
        long sinceFlush = 0;
        List<LoggedEvent> batch;
        while (!(batch = log.readAfter(after, 1000)).isEmpty()) {
            for (LoggedEvent e : batch) {
                aggregator.accept(e);
            }
            after = batch.getLast().sequence();
            sinceFlush += batch.size();
            if (sinceFlush >= 50_000) {
                aggregator.flush();
                sinceFlush = 0;
                bar.report("folding into statistics", after / (double) total);
            }
        }
        aggregator.flush();
        bar.done();
    }

    /**
     * Times warm reads. Before each, one more view of the channel arrives and is folded in, untimed, as on a live
     * instance; this also keeps the database from answering a read from the result of the same one before.
     */
    private Histogram timed(String what, Supplier<Long> read, LiveViews live) {
        for (int i = 0; i < 3; i++) {
            live.oneMore();
            read.get();
        }
        Histogram latency = new Histogram(3);
        ProgressBar bar = new ProgressBar("studio", out);
        for (int i = 0; i < READS; i++) {
            live.oneMore();
            long start = System.nanoTime();
            read.get();
            latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
            bar.report(what, (i + 1.0) / READS);
        }
        bar.done();
        return latency;
    }

    /** Views of the channel's most popular video arriving one at a time, appended and folded into the statistics. */
    private final class LiveViews {
        private final JdbiEventLog log;
        private final StatsAggregator aggregator;
        private final Instant now;
        private final SplittableRandom random = new SplittableRandom(7);

        LiveViews(JdbiEventLog log, StatsAggregator aggregator, Instant now) {
            this.log = log;
            this.aggregator = aggregator;
            this.now = now;
        }

        void oneMore() {
            long last = log.append(view(random, 0, 0, 15_000, now.minusSeconds(30)));
            List<LoggedEvent> arrived;
            // the table is a log of one partition
            long after = aggregator.checkpoint().offset(0);
            while (!(arrived = log.readAfter(after, 1000)).isEmpty()) {
                arrived.forEach(aggregator::accept);
                after = arrived.getLast().sequence();
            }
            aggregator.flush();
            if (!aggregator.checkpoint().holds(last)) {
                throw new IllegalStateException("The statistics stopped at " + aggregator.checkpoint() + ", not " + last);
            }
        }
    }

    private static double ms(Histogram h, double percentile) {
        return Reports.round(h.getValueAtPercentile(percentile) / 1000.0);
    }

    private void print(Map<String, Object> report) {
        out.printf(Locale.ROOT, "%nStudio page of a channel with %s of %s events (%s videos), %s warm reads:%n",
                report.get("channel_events"), report.get("events"), VIDEOS, READS);
        out.printf(Locale.ROOT, "  Pando (pre-aggregated): p50 %s ms, p99 %s ms (target %s ms)%n", report.get("page_p50_ms"),
                report.get("page_p99_ms"), PAGE_TARGET_MS);
        out.printf(Locale.ROOT, "  anchor (SQL over the event log, fewer numbers): p50 %s ms, p99 %s ms; %sx Pando's p50%n",
                report.get("anchor_p50_ms"), report.get("anchor_p99_ms"), report.get("anchor_to_pando_p50"));
        out.printf(Locale.ROOT, "  appended at %s events/s, folded at %s events/s; views %s (anchor %s); peak RSS %s MB%n",
                report.get("append_events_per_s"), report.get("fold_events_per_s"), report.get("channel_views"),
                report.get("anchor_channel_views"), report.get("peak_rss_mb"));
    }
}
