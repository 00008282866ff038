package org.pando.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    /** The log's contract held in a list. */
    private static final class ListedLog implements EventLog {
        final List<LoggedEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public long append(List<UserEvent> batch) {
            for (UserEvent event : batch) {
                events.add(new LoggedEvent(events.size() + 1, event));
            }
            return events.size();
        }

        @Override
        public long lastSequence() {
            return events.size();
        }

        @Override
        public List<LoggedEvent> readAfter(long sequence, int max) {
            return events.stream().filter(e -> e.sequence() > sequence).limit(max).toList();
        }
    }

    /** A log of two partitions held in lists: a viewer's events go to the partition of their name's length. */
    private static final class TwoPartitions implements EventLog {
        final List<List<LoggedEvent>> partitions = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());

        @Override
        public long append(List<UserEvent> batch) {
            long last = 0;
            for (UserEvent event : batch) {
                int p = event.userId().length() % 2;
                List<LoggedEvent> partition = partitions.get(p);
                last = Sequences.of(p, partition.size() + 1);
                partition.add(new LoggedEvent(last, event));
            }
            return last;
        }

        @Override
        public int partitions() {
            return 2;
        }

        @Override
        public long lastSequence() {
            return lastSequence(0);
        }

        @Override
        public long lastSequence(int partition) {
            return Sequences.of(partition, partitions.get(partition).size());
        }

        @Override
        public List<LoggedEvent> readAfter(long sequence, int max) {
            List<LoggedEvent> partition = partitions.get(Sequences.partition(sequence));
            return partition.stream().filter(e -> e.sequence() > sequence).limit(max).toList();
        }
    }

    /** A log that leaves an empty place after each batch, as a Kafka topic leaves a transaction's marker. */
    private static final class MarkedLog implements EventLog {
        final List<LoggedEvent> events = new CopyOnWriteArrayList<>();
        long end;

        @Override
        public synchronized long append(List<UserEvent> batch) {
            for (UserEvent event : batch) {
                events.add(new LoggedEvent(++end, event));
            }
            return end++;
        }

        @Override
        public long lastSequence() {
            return end;
        }

        @Override
        public List<LoggedEvent> readAfter(long sequence, int max) {
            return events.stream().filter(e -> e.sequence() > sequence).limit(max).toList();
        }

        @Override
        public long pastGaps(long sequence) {
            return readAfter(sequence, 1).isEmpty() ? Math.max(sequence, end) : sequence;
        }
    }

    private static UserEvent play(String video) {
        return play("u", video);
    }

    private static UserEvent play(String user, String video) {
        return new UserEvent(EventType.PLAY, user, video, "c", Surface.FOR_YOU, Optional.empty(), Optional.empty(), 0, 1000,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aLogOfSeveralPartitionsIsDeliveredWholeEachViewerInOrderFromEachPartitionsPosition() {
        TwoPartitions log = new TwoPartitions();
        log.append(List.of(play("ana", "a1"), play("bo", "b1"), play("ana", "a2"), play("bo", "b2"), play("bo", "b3")));
        List<String> all = new ArrayList<>();
        List<String> resumed = new ArrayList<>();
        EventStream stream = new EventStream(log, 1000);
        stream.subscribe(LogPosition.START, e -> all.add(e.event().videoId()));
        // ana's partition (1) read up to her first event, bo's (0) up to his second
        stream.subscribe(LogPosition.of(2, 1), e -> resumed.add(e.event().videoId()));

        stream.drain();

        assertThat(all).as("every event").containsExactlyInAnyOrder("a1", "a2", "b1", "b2", "b3");
        assertThat(all.stream().filter(v -> v.startsWith("b"))).as("bo's events").containsExactly("b1", "b2", "b3");
        assertThat(resumed).as("a consumer resuming in each partition").containsExactlyInAnyOrder("a2", "b3");
        assertThat(stream.lag()).as("lag after draining").isZero();
        assertThat(log.end()).as("the end of the log").isEqualTo(LogPosition.of(3, 2));
    }

    @Test
    void aPositionNamesTheLastEventReadInEachPartitionAndReadsBackFromItsText() {
        LogPosition position = LogPosition.START.after(Sequences.of(2, 7)).after(Sequences.of(0, 3));

        assertThat(position.offset(0)).isEqualTo(3);
        assertThat(position.offset(1)).as("a partition not read in").isZero();
        assertThat(position.holds(Sequences.of(2, 7))).as("the last event read").isTrue();
        assertThat(position.holds(Sequences.of(2, 8))).as("the next one").isFalse();
        assertThat(position.encode()).isEqualTo("3,0,7");
        assertThat(LogPosition.decode("3,0,7")).isEqualTo(position);
        assertThat(LogPosition.decode("42")).as("a count stored before partitions").isEqualTo(LogPosition.of(42));
        assertThat(LogPosition.of(3, 0, 0)).as("trailing partitions not read in").isEqualTo(LogPosition.of(3));
        assertThat(LogPosition.of(1, 2).behind(LogPosition.of(4, 2, 5))).as("events between two positions").isEqualTo(8);
        assertThat(Sequences.of(0, 42)).as("a sequence of the first partition is its count").isEqualTo(42);
    }

    @Test
    void deliversEveryEventInOrderFromEachConsumersPosition() throws InterruptedException {
        ListedLog log = new ListedLog();
        log.append(List.of(play("a"), play("b")));
        List<String> fromStart = new CopyOnWriteArrayList<>();
        List<String> fromSecond = new CopyOnWriteArrayList<>();
        try (EventStream stream = new EventStream(log, 20)) {
            stream.subscribe(LogPosition.START, e -> fromStart.add(e.event().videoId()));
            stream.subscribe(LogPosition.of(2), e -> fromSecond.add(e.event().videoId()));
            stream.start();
            log.append(List.of(play("c")));
            stream.wake();
            for (int i = 0; i < 100 && (fromStart.size() < 3 || fromSecond.size() < 1); i++) {
                Thread.sleep(20);
            }
        }
        assertThat(fromStart).as("a consumer from the start").containsExactly("a", "b", "c");
        assertThat(fromSecond).as("a consumer resuming after sequence 2").containsExactly("c");
    }

    @Test
    void aConsumerThatHasSeenEveryEventOfALogWithGapsIsPastTheLastGapWithNoLagLeft() {
        MarkedLog log = new MarkedLog();
        log.append(List.of(play("a"), play("b")));
        log.append(List.of(play("c")));
        List<Long> sequences = new ArrayList<>();
        EventStream stream = new EventStream(log, 1000);
        stream.subscribe(LogPosition.START, e -> sequences.add(e.sequence()));

        stream.drain();

        assertThat(sequences).as("sequences delivered, over the gap after the first batch").containsExactly(1L, 2L, 4L);
        assertThat(log.end()).as("the end of the log, after the gap that follows the last batch").isEqualTo(LogPosition.of(5));
        assertThat(stream.lag()).as("lag after draining").isZero();
    }

    @Test
    void drainDeliversOnTheCallingThreadWithoutStarting() {
        ListedLog log = new ListedLog();
        List<String> seen = new ArrayList<>();
        EventStream stream = new EventStream(log, 1000);
        stream.subscribe(LogPosition.START, e -> seen.add(e.event().videoId()));
        log.append(List.of(play("x"), play("y")));

        stream.drain();

        assertThat(seen).containsExactly("x", "y");
    }

    @Test
    void watchRatioIsCappedAndZeroWithoutADuration() {
        UserEvent over = new UserEvent(EventType.PROGRESS, "u", "v", "c", Surface.LOCAL, Optional.empty(), Optional.empty(),
                1500, 1000, Instant.EPOCH);
        UserEvent unknown = new UserEvent(EventType.PROGRESS, "u", "v", "c", Surface.LOCAL, Optional.empty(), Optional.empty(),
                1500, 0, Instant.EPOCH);
        assertThat(over.watchRatio()).isEqualTo(1.0);
        assertThat(unknown.watchRatio()).isZero();
    }
}
