package org.pando.train.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.bench.KafkaBroker;
import org.pando.blobs.DiskBlobStore;
import org.pando.events.EventType;
import org.pando.events.EventsConfig;
import org.pando.events.LogPosition;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.events.kafka.KafkaEventLog;
import org.pando.learn.Ease;
import org.pando.learn.ImplicitAls;
import org.pando.learn.TopK;
import org.pando.recommend.engine.TasteFit;

/**
 * The training job on a real Kafka broker (KRaft, child JVM) and Spark in local mode: viewers who watch cooking and
 * viewers who watch games, on a topic of three partitions, their events spread over several tasks' ranges.
 */
class TasteTrainingTest {
    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    /** Two tastes: a few factors hold them, more would fit each viewer's own picks. */
    private static final int FACTORS = 3;
    private static final int HEAD = 10;
    private static final int TASKS = 3;
    private static final int PARTITIONS = 3;

    @TempDir
    static Path dir;
    private static KafkaBroker broker;
    private static KafkaSource source;
    private SparkSession session;

    @BeforeAll
    static void startBrokerWithTwoTastes() {
        broker = KafkaBroker.start(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                dir.resolve("kafka"), false, dir.resolve("kafka.log"));
        source = new KafkaSource(broker.bootstrap(), "pando-events", Duration.ofSeconds(20));
        try (KafkaEventLog log = KafkaEventLog.open(new EventsConfig.Kafka(broker.bootstrap(), "pando-events",
                Duration.ofSeconds(20), PARTITIONS))) {
            List<UserEvent> events = new ArrayList<>();
            Random random = new Random(3);
            for (int viewer = 0; viewer < 60; viewer++) {
                String taste = viewer % 2 == 0 ? "cook" : "game";
                for (int video : random.ints(1, 13).distinct().limit(6).toArray()) {
                    events.add(event(EventType.COMPLETE, taste + "er-" + viewer, taste + "-" + video, 60_000, events.size()));
                }
            }
            // the same video valued, then rejected; another rejected, then valued: only the log's order tells them apart
            events.add(0, event(EventType.COMPLETE, "fickle", "cook-1", 60_000, 0));
            events.add(event(EventType.NOT_INTERESTED, "fickle", "cook-1", 0, events.size()));
            events.add(0, event(EventType.NOT_INTERESTED, "fickle", "game-2", 0, 0));
            events.add(event(EventType.COMPLETE, "fickle", "game-2", 60_000, events.size()));
            // watched 70% of, then liked: 0.7 + 1
            events.add(0, event(EventType.PROGRESS, "fan", "cook-3", 42_000, 0));
            events.add(event(EventType.LIKE, "fan", "cook-3", 0, events.size()));
            for (int i = 0; i < events.size(); i += 100) {
                log.append(events.subList(i, Math.min(events.size(), i + 100)));
            }
        }
    }

    @AfterAll
    static void stopBroker() {
        if (SparkSession.getDefaultSession().isDefined()) {
            SparkSession.getDefaultSession().get().stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void session() {
        session = TrainJob.session("local[2]");
    }

    @Test
    void eachViewersEventsAreFoldedInTheLogsOrderAcrossTasks() {
        TasteTraining training = new TasteTraining(session, Clock.systemUTC());
        LogPosition end;
        try (KafkaEventLog log = source.open()) {
            end = log.end();
        }

        Map<String, Map<String, Double>> valued = training.valuedVideos(source, end, TASKS).collectAsMap();

        assertThat(valued).as("viewers who valued anything").hasSize(62);
        assertThat(valued.get("fickle")).as("the fickle viewer's valued videos: rejected after watching, watched after"
                + " rejecting").isEqualTo(Map.of("game-2", 1.0));
        assertThat(valued.get("fan").get("cook-3")).as("70% watched, then liked").isCloseTo(1.7, offset(1e-9));
        assertThat(valued.get("cooker-0")).as("a cook's valued videos").hasSize(6)
                .allSatisfy((video, weight) -> assertThat(video).startsWith("cook-"));
    }

    @Test
    void theFitRecommendsCookingToACookAndEaseCoversTheMostValuedVideos() {
        TasteFit fit = new TasteTraining(session, Clock.fixed(START, ZoneOffset.UTC)).train(source, FACTORS, HEAD, TASKS,
                (stage, share) -> { });

        assertThat(fit.version()).as("the version: when it was trained").isEqualTo(START.toEpochMilli());
        assertThat(fit.videos()).as("the videos iALS saw").hasSize(24);
        assertThat(fit.head()).as("EASE's head").hasSize(HEAD);
        ImplicitAls als = ImplicitAls.ofItemFactors(fit.itemFactors(), fit.factors(), TasteFit.ALPHA, TasteFit.ALS_LAMBDA);
        int[] history = {fit.videos().indexOf("cook-1"), fit.videos().indexOf("cook-2")};
        float[] scores = new float[als.items()];
        als.scoreVector(als.foldIn(history, new float[] {1, 1}), scores);
        List<String> best = Arrays.stream(TopK.select(scores, 5, history)).mapToObj(fit.videos()::get).toList();
        assertThat(best).as("iALS's five best for a new viewer who finished two cooking videos").allMatch(v -> v.startsWith("cook-"));

        Ease ease = Ease.ofWeights(fit.head().size(), fit.easeWeights());
        String anyCook = fit.head().stream().filter(v -> v.startsWith("cook-")).findFirst().orElseThrow();
        String anyGame = fit.head().stream().filter(v -> v.startsWith("game-")).findFirst().orElseThrow();
        int from = fit.head().indexOf(anyCook);
        double toCooking = IntStream.range(0, HEAD).filter(j -> j != from && fit.head().get(j).startsWith("cook-"))
                .mapToDouble(j -> ease.weight(from, j)).average().orElseThrow();
        double toGames = IntStream.range(0, HEAD).filter(j -> fit.head().get(j).startsWith("game-"))
                .mapToDouble(j -> ease.weight(from, j)).average().orElseThrow();
        assertThat(toCooking).as("EASE's mean weight from " + anyCook + " to cooking, against games (" + anyGame + " …)")
                .isGreaterThan(toGames);
    }

    @Test
    void theJobKeepsTheFitAsTheNewestSnapshotAndRemovesTheOldest() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Map<String, String> options = new HashMap<>(Map.of("--kafka", broker.bootstrap(), "--topic", "pando-events",
                "--timeout-ms", "20000", "--factors", String.valueOf(FACTORS), "--ease-head", String.valueOf(HEAD),
                "--tasks", String.valueOf(TASKS), "--master", "local[2]", "--keep", "2"));
        options.put("--scratch", dir.resolve("scratch").toString());
        options.put("--data-dir", data.toString());
        DiskBlobStore blobs = new DiskBlobStore(data);
        SnapshotShelf shelf = new SnapshotShelf(blobs, dir.resolve("scratch"), 2);
        TasteFit old = new TasteFit(1, List.of("a"), 1, new float[] {1}, List.of("a"), new float[] {0});
        shelf.put(old);
        shelf.put(new TasteFit(2, old.videos(), 1, old.itemFactors(), old.head(), old.easeWeights()));

        String key = TrainJob.run(options, Map.of());

        assertThat(shelf.kept()).as("the snapshots kept").containsExactly(TasteFit.snapshotKey(2), key);
        try (InputStream in = Files.newInputStream(data.resolve(key))) {
            TasteFit kept = TasteFit.load(in);
            assertThat(kept.videos()).as("the videos of the snapshot kept").hasSize(24);
            assertThat(kept.head()).hasSize(HEAD);
        }
    }

    @Test
    void aTopicWithTooLittleInItSaysSo() {
        KafkaSource empty = new KafkaSource(broker.bootstrap(), "nothing-yet", Duration.ofSeconds(20));
        try (KafkaEventLog log = empty.open()) {
            log.append(List.of(event(EventType.COMPLETE, "only", "cook-1", 60_000, 0)));
        }

        assertThatThrownBy(() -> new TasteTraining(session, Clock.systemUTC()).train(empty, FACTORS, HEAD, TASKS,
                (stage, share) -> { }))
                .isInstanceOf(TasteTraining.NothingToLearn.class)
                .hasMessageContaining("1 viewers valued 1 videos");
    }

    private static UserEvent event(EventType type, String user, String video, long watchedMs, int second) {
        return new UserEvent(type, user, video, "channel-" + video.substring(0, 4), Surface.FOR_YOU, Optional.of("KR"),
                Optional.of("ko"), watchedMs, 60_000, START.plusSeconds(second));
    }
}
