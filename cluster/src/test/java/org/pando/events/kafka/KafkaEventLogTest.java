package org.pando.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.bench.KafkaBroker;
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
            assertThat(second).as("the last sequence of the second batch").isEqualTo(5);
            assertThat(log.lastSequence()).isEqualTo(5);
            List<LoggedEvent> all = log.readAfter(0, 100);
            assertThat(all).extracting(LoggedEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
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
            assertThat(reader.lastSequence()).as("what the other process acknowledged").isEqualTo(4);
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
            assertThat(log.end().total()).as("events in the topic").isEqualTo(24);

            List<LoggedEvent> delivered = new ArrayList<>();
            try (EventStream stream = new EventStream(log, 10)) {
                stream.subscribe(LogPosition.START, delivered::add);
                stream.drain();
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
            events.add(new UserEvent(EventType.PLAY, user, "video-" + i, "channel", Surface.FOR_YOU, Optional.of("KR"),
                    Optional.of("ko"), 0, 10_000, Instant.parse("2026-06-01T12:00:00Z").plusSeconds(i)));
        }
        return events;
    }
}
