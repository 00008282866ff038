package org.pando.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pando.account.AccountService;
import org.pando.account.PasswordHasher;
import org.pando.blobs.BlobStore;
import org.pando.catalog.ChannelService;
import org.pando.catalog.Registration;
import org.pando.catalog.SocialService;
import org.pando.catalog.TagService;
import org.pando.catalog.VideoService;
import org.pando.events.EventLog;
import org.pando.events.EventStream;
import org.pando.events.SegmentEventLog;
import org.pando.media.PictureFitter;
import org.pando.moderation.Reports;
import org.pando.moderation.ReviewQueue;
import org.pando.pipeline.ChannelArtwork;
import org.pando.pipeline.MediaLayout;
import org.pando.pipeline.TranscodeJob;
import org.pando.pipeline.UnderstandJob;
import org.pando.pipeline.VideoIntake;
import org.pando.ledger.Wallets;
import org.pando.recommend.VisitorSignUps;
import org.pando.recommend.engine.Engine;
import org.pando.recommend.engine.LuceneContentIndex;
import org.pando.search.VideoSearch;
import org.pando.stats.CreatorStats;
import org.pando.stats.Exposure;
import org.pando.stats.InstanceStats;
import org.pando.stats.StatsAggregator;
import org.pando.store.Database;
import org.pando.store.JdbiAccountRepository;
import org.pando.store.JdbiCandidateSource;
import org.pando.store.JdbiChannelRepository;
import org.pando.store.JdbiFeedPreferences;
import org.pando.store.JdbiLedgerStore;
import org.pando.store.JdbiRegistrationStore;
import org.pando.store.JdbiSearchSource;
import org.pando.store.JdbiSocialRepository;
import org.pando.store.JdbiStatsStore;
import org.pando.store.JdbiTagRepository;
import org.pando.store.JdbiUploadRepository;
import org.pando.store.JdbiVideoEmbeddings;
import org.pando.store.JdbiVideoRepository;
import org.pando.store.JdbiVisitorLinks;
import org.pando.upload.UploadService;
import org.pando.web.Backend;
import org.pando.web.HealthCheck;
import org.pando.web.Metrics;
import org.pando.web.PandoServer;

/**
 * A running Pando: the object graph built with constructors, its lifecycle components started in order
 * (database, media processor, recommendation engine, search index, event stream, job worker, upload janitor, HTTP
 * server) and stopped in reverse.
 *
 * <pre>{@code
 * try (Pando pando = Pando.start(PandoConfig.from(Settings.defaults()))) {
 *     System.out.println(pando.port());
 * }
 * }</pre>
 */
public final class Pando implements AutoCloseable {
    private static final long MIN_FREE_DISK = 512L << 20;
    /** How often the statistics write what the events added. */
    private static final Duration STATS_FLUSH = Duration.ofSeconds(1);

    private final Components components;
    private final PandoServer server;

    private Pando(Components components, PandoServer server) {
        this.components = components;
        this.server = server;
    }

    /** Builds and starts everything; on failure, stops what had started and passes the error on. */
    public static Pando start(PandoConfig config) {
        Components components = new Components();
        try {
            return new Pando(components, build(config, components));
        } catch (RuntimeException e) {
            components.close();
            throw e;
        }
    }

    private static PandoServer build(PandoConfig config, Components components) {
        createDirectories(config);
        Clock clock = Clock.systemUTC();
        Database database = components.started(Database.open(config.database()));
        var jdbi = database.jdbi();

        PasswordHasher hasher = new PasswordHasher(config.auth().argon2MemoryKib(), config.auth().argon2Iterations());
        AccountService accounts = new AccountService(new JdbiAccountRepository(jdbi), hasher, config.auth(), clock);
        Registration registration = new Registration(new JdbiRegistrationStore(jdbi), hasher, clock);
        VideoSearch search = components.started(VideoSearch.open(config.searchIndex(), new JdbiSearchSource(jdbi), clock));
        ChannelService channels = new ChannelService(new JdbiChannelRepository(jdbi),
                renamed -> search.channelChanged(renamed.handle()), clock);
        VideoService videos = new VideoService(new JdbiVideoRepository(jdbi), channels, clock);
        SocialService social = new SocialService(new JdbiSocialRepository(jdbi), videos, clock);

        BlobStore blobs = BlobStores.open(config.blobs(), clock, components);
        MediaLayout layout = new MediaLayout(blobs, config.dataDir().resolve("work")).create();
        EventLog eventLog = EventLogs.open(config.events(), database, components);
        EventStream stream = new EventStream(eventLog, config.events().poll().toMillis());
        Engine engine = components.started(new Engine(new JdbiCandidateSource(jdbi),
                new LuceneContentIndex(new JdbiVideoEmbeddings(jdbi)), config.recommend(), clock));
        // what the engine learned is read back from its last checkpoint, and only the events after it from the log
        stream.subscribe(engine.restore(config.engineCheckpoint(), eventLog), engine);
        JdbiStatsStore statsStore = new JdbiStatsStore(jdbi);
        StatsAggregator aggregator = components.started(new StatsAggregator(statsStore, STATS_FLUSH));
        EventStream statsStream = new EventStream(eventLog, config.events().poll().toMillis());
        aggregator.subscribeTo(statsStream);
        CreatorStats stats = new CreatorStats(statsStore, aggregator::flush,
                new Exposure.FreshTerms(config.recommend().freshWindow(), config.recommend().freshImpressions()), clock);
        search.start();

        // what the feeds and search read of a video changed: who may see it, its tags and captions, or what its
        // analysis found
        Consumer<String> videoChanged = videoId -> {
            engine.catalogChanged();
            search.changed(videoId);
        };
        TagService tags = new TagService(new JdbiTagRepository(jdbi), videos, videoChanged);
        MediaWork media = MediaWork.build(config, database, videos, tags, layout, videoChanged, clock, components);
        Reports reports = new Reports(media.cases(), videos, social, clock);
        PictureFitter fitter = components.started(new PictureFitter(config.media()));
        ChannelArtwork artwork = new ChannelArtwork(channels, fitter, media.analyzer(), media.holdRule(), layout);
        ReviewQueue reviews = new ReviewQueue(media.cases(), videos, social, videoChanged, clock);
        VideoIntake intake = new VideoIntake(accounts, videos, media.jobs(), layout, media.worker()::wake,
                config.jobs().maxWaiting());
        UploadService uploads = new UploadService(new JdbiUploadRepository(jdbi), intake, config.upload(), clock);

        Metrics metrics = new Metrics();
        metrics.gauge("pando_ffmpeg_processes", "ffmpeg processes running",
                () -> media.processor().runningProcesses() + fitter.runningProcesses());
        metrics.gauge("pando_jobs_transcode_waiting", "Uploads queued or being transcoded, in every process",
                () -> media.jobs().waiting(TranscodeJob.KIND));
        metrics.gauge("pando_jobs_understand_waiting", "Videos queued or being analysed, in every process",
                () -> media.jobs().waiting(UnderstandJob.KIND));
        metrics.gauge("pando_disk_free_bytes", "Free bytes in the data directory", () -> config.dataDir().toFile().getUsableSpace());
        metrics.gauge("pando_exposure_gini_creators", "Gini coefficient of impressions across creators", engine::creatorGini);
        metrics.gauge("pando_exposure_gini_videos", "Gini coefficient of impressions across videos", engine::videoGini);
        metrics.gauge("pando_exposure_top_share", "Share of recent impressions taken by the top 1% of videos", engine::topShare);
        metrics.gauge("pando_ranker_updates", "Ended views the ranker has learned from", engine::rankerUpdates);
        metrics.gauge("pando_events_last_sequence", "Places in the event log over all its partitions: its"
                + " durable events (and, on Kafka, the markers that end transactions)",
                () -> eventLog.end().total());
        metrics.gauge("pando_events_engine_lag", "Events the recommendation engine has yet to see", stream::lag);
        metrics.gauge("pando_events_stats_lag", "Events the statistics have yet to fold in", statsStream::lag);
        if (eventLog instanceof SegmentEventLog segments) {
            metrics.gauge("pando_events_queued", "Events waiting to be written to the segment log", segments::queuedEvents);
        }
        metrics.gauge("pando_engine_visitors", "Visitors without an account whose watching the engine keeps",
                engine::visitorsKept);
        metrics.gauge("pando_taste_models_version", "Version of the iALS and EASE fit in use (for a fit trained offline, when"
                + " it was trained, in epoch milliseconds); 0 before the first", () -> engine.tasteVersion().orElse(0));
        List<HealthCheck> health = List.of(
                new HealthCheck("database", database::healthy),
                new HealthCheck("disk", () -> config.dataDir().toFile().getUsableSpace() > MIN_FREE_DISK));

        VisitorSignUps visitorSignUps = new VisitorSignUps(new JdbiVisitorLinks(jdbi), engine);
        Backend backend = new Backend(accounts, registration, channels, artwork, videos, social, tags, uploads, media.understanding(),
                reports,
                reviews, engine, visitorSignUps, search, new JdbiFeedPreferences(jdbi), stats,
                new Wallets(new JdbiLedgerStore(jdbi), clock), new InstanceStats(statsStore, aggregator::flush, clock), eventLog, () -> {
                    stream.wake();
                    statsStream.wake();
                }, blobs, config.dataDir(), health, metrics,
                clock);

        visitorSignUps.restore();
        engine.start();
        if (config.recommend().offlineModels()) {
            components.started(new TasteSnapshots(blobs, config.dataDir().resolve("work"), engine).start());
        }
        stream.start();
        components.started(stream);
        aggregator.start();
        statsStream.start();
        components.started(statsStream);
        media.start(components);
        components.started(janitor(uploads));
        PandoServer server = components.started(new PandoServer(backend, config.web()));
        server.start();
        return server;
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        components.close();
    }

    private static AutoCloseable janitor(UploadService uploads) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("pando-upload-janitor").daemon().unstarted(r));
        scheduler.scheduleWithFixedDelay(uploads::purgeExpired, 1, 60, TimeUnit.MINUTES);
        return scheduler::shutdownNow;
    }

    private static void createDirectories(PandoConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + config.dataDir(), e);
        }
    }
}
