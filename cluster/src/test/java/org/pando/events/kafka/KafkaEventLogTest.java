package org.pando.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.bench.KafkaBroker;
import org.pando.events.EventLogUnavailable;
import org.pando.events.EventStream;
import org.pando.events.EventType;
import org.pando.events.EventsConfig;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.Sequences;
import org.pando.events.Surface;
import org.pando.events.UserEvent;

/** The event log on a real Kafka broker (KRaft, in a child JVM on loopback). */
class KafkaEventLogTest {
    @TempDir
    static Path dir;
    /** The largest record batch the topic of the refused batch takes, in bytes. */
    private static final int MOST_BYTES = 2048;
    private static KafkaBroker broker;
    private static int topics;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                dir.resolve("kafka"), true, dir.resolve("kafka.log"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void batchesComeBackInOrderWithSequencesThatFollowTheAppends() {
        try (KafkaEventLog log = KafkaEventLog.open(config(newTopic()))) {
            assertThat(log.lastSequence()).as("a new topic's last sequence").isZero();
            assertThat(log.append(List.of())).as("an empty batch").isZero();

            long first = log.append(plays("ana", 3));
            long second = log.append(plays("bo", 2));

            assertThat(first).as("the last sequence of the first batch").isEqualTo(3);
            assertThat(second).as("the last sequence of the second batch, after the first one's commit marker").isEqualTo(6);
            assertThat(log.lastSequence()).as("the end, after the second batch's commit marker").isEqualTo(7);
            List<LoggedEvent> all = log.readAfter(0, 100);
            assertThat(all).extracting(LoggedEvent::sequence).containsExactly(1L, 2L, 3L, 5L, 6L);
            assertThat(all).extracting(e -> e.event().userId()).containsExactly("ana", "ana", "ana", "bo", "bo");
            assertThat(all.get(4).event()).as("an event as it went in").isEqualTo(plays("bo", 2).get(1));
        }
    }

    @Test
    void readersAskingFromDifferentPlacesEachGetTheirOwnSlice() {
        try (KafkaEventLog log = KafkaEventLog.open(config(newTopic()))) {
            log.append(plays("cy", 10));

            assertThat(log.readAfter(7, 100)).extracting(LoggedEvent::sequence).as("after 7").containsExactly(8L, 9L, 10L);
            assertThat(log.readAfter(0, 4)).extracting(LoggedEvent::sequence).as("the first four").containsExactly(1L, 2L, 3L, 4L);
            assertThat(log.readAfter(4, 2)).extracting(LoggedEvent::sequence).as("the next two").containsExactly(5L, 6L);
            assertThat(log.readAfter(10, 100)).as("after the end").isEmpty();
        }
    }

    @Test
    void aSecondProcessOnTheSameTopicReadsWhatTheFirstAcknowledged() {
        String topic = newTopic();
        try (KafkaEventLog writer = KafkaEventLog.open(config(topic))) {
            writer.append(plays("dee", 4));
        }
        try (KafkaEventLog reader = KafkaEventLog.open(config(topic))) {
            assertThat(reader.lastSequence()).as("the end of what the other process acknowledged, after its commit marker")
                    .isEqualTo(5);
            assertThat(reader.readAfter(0, 100)).hasSize(4);
            reader.append(plays("eve", 1));
            assertThat(reader.readAfter(4, 100)).extracting(e -> e.event().userId()).containsExactly("eve");
        }
    }

    @Test
    void aTopicSplitByViewerKeepsEachViewersEventsInOnePartitionInOrderAndAStreamDeliversThemAll() {
        String topic = newTopic();
        List<String> viewers = List.of("ana", "bo", "cy", "dee", "eve", "fay", "gus", "hal");
        try (KafkaEventLog log = KafkaEventLog.open(config(topic, 3))) {
            assertThat(log.partitions()).as("partitions of the topic made").isEqualTo(3);
            for (String viewer : viewers) {
                long last = log.append(plays(viewer, 3));
                assertThat(Sequences.partition(last)).as(viewer + "'s partition")
                        .isEqualTo(KafkaEventLog.partitionOf(viewer, 3));
            }
            assertThat(viewers.stream().map(v -> KafkaEventLog.partitionOf(v, 3)).distinct()).as("partitions the viewers fell in")
                    .hasSizeGreaterThan(1);
            assertThat(log.end().total()).as("places in the topic: each batch's three events and its commit marker")
                    .isEqualTo(32);

            List<LoggedEvent> delivered = new ArrayList<>();
            try (EventStream stream = new EventStream(log, 10)) {
                stream.subscribe(LogPosition.START, delivered::add);
                stream.drain();
                assertThat(stream.lag()).as("events left to deliver, once the stream is past the last commit markers").isZero();
            }
            assertThat(delivered).as("events delivered").hasSize(24);
            for (String viewer : viewers) {
                assertThat(delivered.stream().filter(e -> e.event().userId().equals(viewer)).map(e -> e.event().videoId()))
                        .as(viewer + "'s events, in the order they were appended").containsExactly("video-0", "video-1", "video-2");
            }
        }
        try (KafkaEventLog reopened = KafkaEventLog.open(config(topic, 1))) {
            assertThat(reopened.partitions()).as("partitions of the topic when opened again with another setting").isEqualTo(3);
        }
    }

    @Test
    void aBatchTheBrokersRefusePartwayIsNotInTheLogAtAllAndTheNextBatchIs() throws Exception {
        String topic = newTopic();
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MOST_BYTES))))).all().get();
        }
        String fits = viewerIn(0);
        String tooLarge = viewerIn(1);
        try (KafkaEventLog log = KafkaEventLog.open(config(topic, 3))) {
            List<UserEvent> refused = new ArrayList<>(plays(fits, 3));
            refused.add(play(tooLarge, "v".repeat(2 * MOST_BYTES), 0));

            assertThatThrownBy(() -> log.append(refused)).as("a batch with a record the brokers refuse")
                    .isInstanceOf(EventLogUnavailable.class);
            log.append(plays(fits, 2));

            List<LoggedEvent> delivered = new ArrayList<>();
            try (EventStream stream = new EventStream(log, 10)) {
                stream.subscribe(LogPosition.START, delivered::add);
                stream.drain();
                assertThat(stream.lag()).as("events left to deliver, past the aborted batch and the markers").isZero();
            }
            assertThat(delivered).extracting(e -> e.event().userId() + " " + e.event().videoId())
                    .as("events read: the second batch only, none of the refused one, although the brokers took three of its"
                            + " four records into its own partition")
                    .containsExactly(fits + " video-0", fits + " video-1");
        }
    }

    @Test
    void batchesAppendedTogetherFromManyThreadsAreEachInTheLogWholeAndInOrder() throws Exception {
        int threads = 4;
        int batches = 25;
        try (KafkaEventLog log = KafkaEventLog.open(config(newTopic(), 3))) {
            try (ExecutorService senders = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> sent = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String viewer = "sender-" + t;
                    sent.add(senders.submit(() -> {
                        for (int b = 0; b < batches; b++) {
                            List<UserEvent> batch = new ArrayList<>();
                            for (int i = 0; i < 4; i++) {
                                batch.add(play(viewer, "video-" + (b * 4 + i), i));
                            }
                            log.append(batch);
                        }
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            }
            List<LoggedEvent> delivered = new ArrayList<>();
            try (EventStream stream = new EventStream(log, 10)) {
                stream.subscribe(LogPosition.START, delivered::add);
                stream.drain();
            }
            for (int t = 0; t < threads; t++) {
                String viewer = "sender-" + t;
                assertThat(delivered.stream().filter(e -> e.event().userId().equals(viewer)).map(e -> e.event().videoId()))
                        .as(viewer + "'s events, every batch of them, in the order they were sent")
                        .containsExactlyElementsOf(IntStream.range(0, batches * 4).mapToObj(i -> "video-" + i).toList());
            }
        }
    }

    @Test
    void brokersThatCannotBeReachedAreSaidPlainly() {
        EventsConfig.Kafka nowhere = new EventsConfig.Kafka("127.0.0.1:1", "pando-events", Duration.ofSeconds(2), 1);
        assertThatThrownBy(() -> KafkaEventLog.open(nowhere))
                .isInstanceOf(KafkaUnavailable.class)
                .hasMessageContaining("cannot be reached")
                .hasMessageContaining("127.0.0.1:1");
    }

    private static synchronized String newTopic() {
        return "events-" + ++topics;
    }

    private static EventsConfig.Kafka config(String topic) {
        return config(topic, 1);
    }

    private static EventsConfig.Kafka config(String topic, int partitions) {
        return new EventsConfig.Kafka(broker.bootstrap(), topic, Duration.ofSeconds(20), partitions);
    }

    private static List<UserEvent> plays(String user, int count) {
        List<UserEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(play(user, "video-" + i, i));
        }
        return events;
    }

    private static UserEvent play(String user, String video, int second) {
        return new UserEvent(EventType.PLAY, user, video, "channel", Surface.FOR_YOU, Optional.of("KR"), Optional.of("ko"), 0,
                10_000, Instant.parse("2026-06-01T12:00:00Z").plusSeconds(second));
    }

    /** A viewer whose events go to this partition of a topic of three. */
    private static String viewerIn(int partition) {
        return IntStream.iterate(0, i -> i + 1).mapToObj(i -> "viewer-" + i)
                .filter(v -> KafkaEventLog.partitionOf(v, 3) == partition).findFirst().orElseThrow();
    }
}
