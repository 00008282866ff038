package org.pando.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.pando.account.AccountService;
import org.pando.account.AuthConfig;
import org.pando.account.PasswordHasher;
import org.pando.catalog.ChannelService;
import org.pando.catalog.NewVideo;
import org.pando.catalog.Registration;
import org.pando.catalog.SocialService;
import org.pando.catalog.TagService;
import org.pando.catalog.VideoService;
import org.pando.events.EventStream;
import org.pando.events.LogPosition;
import org.pando.media.MediaConfig;
import org.pando.media.PictureFitter;
import org.pando.moderation.HoldRule;
import org.pando.moderation.ModerationConfig;
import org.pando.moderation.Reports;
import org.pando.moderation.ReviewQueue;
import org.pando.moderation.Screening;
import org.pando.pipeline.ChannelArtwork;
import org.pando.blobs.DiskBlobStore;
import org.pando.pipeline.MediaLayout;
import org.pando.ledger.Wallets;
import org.pando.recommend.EngineSettings;
import org.pando.recommend.VisitorSignUps;
import org.pando.recommend.engine.Engine;
import org.pando.recommend.engine.LuceneContentIndex;
import org.pando.search.VideoSearch;
import org.pando.stats.CreatorStats;
import org.pando.stats.Exposure;
import org.pando.stats.InstanceStats;
import org.pando.stats.StatsAggregator;
import org.pando.store.Database;
import org.pando.store.DatabaseConfig;
import org.pando.store.JdbiAccountRepository;
import org.pando.store.JdbiAnalysisStore;
import org.pando.store.JdbiTagRepository;
import org.pando.store.JdbiVideoEmbeddings;
import org.pando.store.JdbiCandidateSource;
import org.pando.store.JdbiChannelRepository;
import org.pando.store.JdbiEventLog;
import org.pando.store.JdbiFeedPreferences;
import org.pando.store.JdbiLedgerStore;
import org.pando.store.JdbiModerationRepository;
import org.pando.store.JdbiRegistrationStore;
import org.pando.store.JdbiSearchSource;
import org.pando.store.JdbiSocialRepository;
import org.pando.store.JdbiStatsStore;
import org.pando.store.JdbiUploadRepository;
import org.pando.store.JdbiVideoRepository;
import org.pando.store.JdbiVisitorLinks;
import org.pando.understanding.FileAnalyzer;
import org.pando.understanding.UnderstandingConfig;
import org.pando.understanding.VideoUnderstanding;
import org.pando.upload.Upload;
import org.pando.upload.UploadConfig;
import org.pando.upload.UploadDestination;
import org.pando.upload.UploadMetadata;
import org.pando.upload.UploadService;

/**
 * A real backend for route tests: every service on an H2 database in a temporary directory. The one
 * stand-in is the upload destination, which files a finished upload as a video left in processing instead
 * of transcoding it (transcoding is the pipeline's, tested there and in the browser journey). Decisions that
 * change what is public refresh the engine's catalogue at once, so a test sees them in the next feed.
 */
final class TestBackend implements AutoCloseable {
    final Path dir;
    final DiskBlobStore blobs;
    final Database database;
    final Backend backend;
    final EventStream stream;
    final Engine engine;
    final StatsAggregator aggregator;
    final FileAnalyzer analyzer;
    final PictureFitter fitter;
    final VideoUnderstanding understanding;
    final VideoSearch search;
    final Screening screening;

    TestBackend() {
        try {
            dir = Files.createTempDirectory("pando-web-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        blobs = new DiskBlobStore(dir);
        database = Database.open(DatabaseConfig.embedded(dir));
        var jdbi = database.jdbi();
        Clock clock = Clock.systemUTC();
        PasswordHasher hasher = new PasswordHasher(1024, 1);
        AccountService accounts = new AccountService(new JdbiAccountRepository(jdbi), hasher,
                new AuthConfig(Duration.ofDays(1), 1024, 1, true), clock);
        search = VideoSearch.open(dir.resolve("search"), new JdbiSearchSource(jdbi), clock);
        ChannelService channels = new ChannelService(new JdbiChannelRepository(jdbi),
                renamed -> search.channelChanged(renamed.handle()), clock);
        VideoService videos = new VideoService(new JdbiVideoRepository(jdbi), channels, clock);
        UploadDestination destination = new UploadDestination() {
            @Override
            public void check(String accountId, UploadMetadata metadata) {
                videos.check(accounts.account(accountId), new NewVideo(metadata.channel(), metadata.title(), metadata.description()));
            }

            @Override
            public String receive(Upload upload, Path file) {
                UploadMetadata m = upload.metadata();
                return videos.create(accounts.account(upload.accountId()), new NewVideo(m.channel(), m.title(), m.description())).id();
            }
        };
        JdbiEventLog events = new JdbiEventLog(jdbi);
        analyzer = new FileAnalyzer(MediaConfig.defaults(), new UnderstandingConfig(dir.resolve("models"), 10, 0.6));
        stream = new EventStream(events, 50);
        engine = new Engine(new JdbiCandidateSource(jdbi), new LuceneContentIndex(new JdbiVideoEmbeddings(jdbi)),
                EngineSettings.defaults(), clock);
        stream.subscribe(LogPosition.START, engine);
        engine.start();
        JdbiStatsStore statsStore = new JdbiStatsStore(jdbi);
        aggregator = new StatsAggregator(statsStore, Duration.ofHours(1));
        aggregator.subscribeTo(stream);
        search.start();
        Consumer<String> videoChanged = videoId -> {
            engine.refreshCatalog();
            search.changed(videoId);
        };
        understanding = new VideoUnderstanding(analyzer, new JdbiAnalysisStore(jdbi), videoChanged);
        SocialService social = new SocialService(new JdbiSocialRepository(jdbi), videos, clock);
        JdbiModerationRepository cases = new JdbiModerationRepository(jdbi);
        HoldRule rule = new HoldRule(ModerationConfig.defaults());
        screening = new Screening(rule, videos, understanding, cases, videoChanged, clock);
        fitter = new PictureFitter(MediaConfig.defaults());
        ChannelArtwork artwork = new ChannelArtwork(channels, fitter, analyzer, rule, new MediaLayout(blobs, dir.resolve("work")).create());
        backend = new Backend(accounts, new Registration(new JdbiRegistrationStore(jdbi), hasher, clock), channels, artwork, videos,
                social,
                new TagService(new JdbiTagRepository(jdbi), videos, videoChanged),
                new UploadService(new JdbiUploadRepository(jdbi), destination,
                        new UploadConfig(dir.resolve("uploads"), 10 << 20, Duration.ofHours(1)), clock),
                understanding, new Reports(cases, videos, social, clock),
                new ReviewQueue(cases, videos, social, videoChanged, clock),
                engine, new VisitorSignUps(new JdbiVisitorLinks(jdbi), engine), search, new JdbiFeedPreferences(jdbi),
                new CreatorStats(statsStore, aggregator::flush, new Exposure.FreshTerms(Duration.ofMinutes(30), 50), clock),
                new Wallets(new JdbiLedgerStore(jdbi), clock), new InstanceStats(statsStore, aggregator::flush, clock),
                events, stream::drain,
                blobs, dir, List.of(new HealthCheck("database", database::healthy)), new Metrics(), clock);
    }

    @Override
    public void close() {
        analyzer.close();
        fitter.close();
        stream.close();
        aggregator.close();
        engine.close();
        search.close();
        database.close();
    }
}
