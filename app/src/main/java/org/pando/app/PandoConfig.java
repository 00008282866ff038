package org.pando.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pando.account.AuthConfig;
import org.pando.blobs.BlobsConfig;
import org.pando.blobs.S3Config;
import org.pando.events.EventsConfig;
import org.pando.jobs.JobsConfig;
import org.pando.media.LoudnessTarget;
import org.pando.understanding.UnderstandingConfig;
import org.pando.media.MediaConfig;
import org.pando.media.WaveformStyle;
import org.pando.moderation.ModerationConfig;
import org.pando.recommend.EngineSettings;
import org.pando.store.DatabaseConfig;
import org.pando.upload.UploadConfig;
import org.pando.web.WebConfig;

/**
 * The whole configuration, one typed record per component, from one {@link Settings} root.
 *
 * @param dataDir        where everything lives: database, originals, renditions, uploads
 * @param web            the HTTP server
 * @param auth           sign-in
 * @param database       the database
 * @param upload         uploads
 * @param media          media processing
 * @param jobs           the job queue
 * @param events         the event log
 * @param recommend      the recommendation engine
 * @param understanding  media understanding
 * @param moderation     when a video is held for review
 * @param blobs          where media files are kept
 */
public record PandoConfig(
        Path dataDir, WebConfig web, AuthConfig auth, DatabaseConfig database, UploadConfig upload, MediaConfig media,
        JobsConfig jobs, EventsConfig events, EngineSettings recommend, UnderstandingConfig understanding,
        ModerationConfig moderation, BlobsConfig blobs) {

    /** Every component's settings. */
    public static PandoConfig from(Settings s) {
        Path dataDir = s.path("data-dir");
        AuthConfig auth = new AuthConfig(s.duration("auth.session-ttl"), s.integer("auth.argon2.memory-kib"),
                s.integer("auth.argon2.iterations"), s.bool("auth.secure-cookie"));
        WebConfig web = new WebConfig(s.text("server.host"), s.integer("server.port"), auth.secureCookie(),
                auth.sessionTtl(), s.integer("events.max-batch"), s.duration("events.skip-threshold"));
        DatabaseConfig database = s.text("database.url").isBlank()
                ? DatabaseConfig.embedded(dataDir)
                : new DatabaseConfig(s.text("database.url"), s.text("database.user"), s.text("database.password"),
                        s.integer("database.pool-size"));
        UploadConfig upload = new UploadConfig(dataDir.resolve("uploads"), s.bytes("upload.max-size"), s.duration("upload.expiry"));
        MediaConfig media = new MediaConfig(s.text("media.ffmpeg"), s.text("media.ffprobe"), s.integers("media.ladder.rungs"),
                s.integer("media.max-width"), s.integer("media.max-height"), s.longValue("media.max-pixels"),
                s.duration("media.max-duration"), s.text("media.preset"), s.duration("media.segment-duration"),
                s.integer("media.audio-kbps"),
                new LoudnessTarget(s.number("media.loudness.integrated"), s.number("media.loudness.true-peak")),
                new WaveformStyle(s.integer("media.waveform.width"), s.integer("media.waveform.height"),
                        s.text("media.waveform.color").trim()));
        JobsConfig jobs = new JobsConfig(s.integer("jobs.workers"), s.duration("jobs.poll-interval"), s.duration("jobs.lease"),
                s.integer("jobs.max-attempts"), s.integer("jobs.max-waiting"));
        EngineSettings recommend = new EngineSettings(s.duration("recommend.catalog-refresh"), s.integer("recommend.catalog-limit"),
                s.duration("recommend.trending-half-life"), s.duration("recommend.refit-interval"),
                s.integer("recommend.refit-min-events"), s.integer("recommend.factors"), s.integer("recommend.ease-head"),
                s.duration("recommend.fresh.window"), s.integer("recommend.fresh.impressions"),
                s.integer("recommend.max-creator-per-page"), s.fraction("recommend.daily-creator-share"),
                s.fraction("recommend.top-share-cap"), s.fraction("recommend.local-floor"),
                s.fraction("recommend.exploration-rate"), s.integer("recommend.candidates-per-source"),
                s.integer("recommend.max-visitors"), s.duration("recommend.checkpoint-interval"),
                s.bool("recommend.offline-models"));
        String models = s.text("understanding.models-dir");
        UnderstandingConfig understanding = new UnderstandingConfig(models.isBlank() ? besideTheJar("models") : Path.of(models),
                s.number("understanding.scene-threshold"), s.fraction("understanding.min-speech-confidence"));
        ModerationConfig moderation = new ModerationConfig(s.fraction("moderation.hold-threshold"),
                s.fraction("moderation.hold-threshold-without-person"), s.fraction("moderation.min-person-coverage"));
        EventsConfig events = events(s, dataDir);
        String endpoint = s.text("blobs.s3.endpoint").trim();
        BlobsConfig blobs = new BlobsConfig(dataDir, endpoint.isEmpty() ? Optional.empty()
                : Optional.of(new S3Config(s.uri("blobs.s3.endpoint"), s.text("blobs.s3.bucket"), s.text("blobs.s3.region"),
                        s.text("blobs.s3.access-key"), s.text("blobs.s3.secret-key"), s.bool("blobs.s3.presign-downloads"))));
        return new PandoConfig(dataDir, web, auth, database, upload, media, jobs, events, recommend, understanding, moderation,
                blobs);
    }

    /** The event log: {@code events.store}, or a Kafka topic when {@code events.kafka.bootstrap} is set. */
    private static EventsConfig events(Settings s, Path dataDir) {
        List<String> stores = Arrays.stream(EventsConfig.Store.values()).map(EventsConfig.Store::settingName)
                .filter(name -> !name.equals(EventsConfig.Store.KAFKA.settingName())).toList();
        EventsConfig.Store store = EventsConfig.Store.valueOf(s.oneOf("events.store", stores).toUpperCase(Locale.ROOT));
        String bootstrap = s.text("events.kafka.bootstrap").trim();
        Optional<EventsConfig.Kafka> kafka = Optional.empty();
        if (!bootstrap.isEmpty()) {
            if (store == EventsConfig.Store.DATABASE) {
                throw new ConfigurationError("events.store is database, and events.kafka.bootstrap names Kafka brokers: keep one.");
            }
            store = EventsConfig.Store.KAFKA;
            kafka = Optional.of(new EventsConfig.Kafka(bootstrap, s.text("events.kafka.topic").trim(), s.duration("events.kafka.timeout"),
                    s.integer("events.kafka.partitions")));
        }
        return new EventsConfig(store, dataDir.resolve("events"), s.integer("events.max-queued"), s.duration("events.poll-interval"),
                kafka);
    }

    /** Where the recommendation engine's checkpoint is: {@code engine/checkpoint.bin} in the data directory. */
    public Path engineCheckpoint() {
        return dataDir.resolve("engine").resolve("checkpoint.bin");
    }

    /** Where the search index lives: {@code search/} in the data directory (rebuilt from the database when missing). */
    public Path searchIndex() {
        return dataDir.resolve("search");
    }

    /** A folder next to the jar Pando runs from (its build output); the working directory's when run from classes. */
    private static Path besideTheJar(String name) {
        try {
            Path code = Path.of(PandoConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return (Files.isRegularFile(code) ? code.getParent() : Path.of("app", "target")).resolve(name);
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("app", "target", name);
        }
    }
}
