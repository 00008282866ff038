package org.pando.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pando.events.EventLog;
import org.pando.events.EventStream;
import org.pando.events.EventType;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.stats.StatsDelta.VideoColumn;

/** Two processes folding one log into one set of totals, as web nodes sharing a database and a log do. */
class SharedStatsTest {
    private final List<LoggedEvent> log = new ArrayList<>();
    private final EventLog events = new EventLog() {
        @Override
        public synchronized long append(List<UserEvent> batch) {
            batch.forEach(e -> log.add(new LoggedEvent(log.size() + 1, e)));
            return log.size();
        }

        @Override
        public synchronized long lastSequence() {
            return log.size();
        }

        @Override
        public synchronized List<LoggedEvent> readAfter(long sequence, int max) {
            return List.copyOf(log.subList((int) sequence, (int) Math.min(log.size(), sequence + max)));
        }
    };
    /** The totals' store: plays counted, and the checkpoint moved only from where a write read it. */
    private LogPosition checkpoint = LogPosition.START;
    private long plays;
    private final StatsStore store = (StatsStore) Proxy.newProxyInstance(StatsStore.class.getClassLoader(),
            new Class<?>[] {StatsStore.class}, (proxy, method, args) -> switch (method.getName()) {
                case "checkpoint" -> checkpoint;
                case "add" -> {
                    if (!args[1].equals(checkpoint)) {
                        throw new CheckpointMoved((LogPosition) args[1]);
                    }
                    long[] row = ((StatsDelta) args[0]).totals().rows().get("clip");
                    plays += row == null ? 0 : row[VideoColumn.VIEWS.ordinal()];
                    checkpoint = (LogPosition) args[2];
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void theWriterThatFindsTheCheckpointMovedReadsOnFromItAndNothingIsCountedTwice() {
        EventStream streamA = new EventStream(events, 10);
        EventStream streamB = new EventStream(events, 10);
        try (StatsAggregator a = new StatsAggregator(store, Duration.ofHours(1));
                StatsAggregator b = new StatsAggregator(store, Duration.ofHours(1))) {
            a.subscribeTo(streamA);
            b.subscribeTo(streamB);

            events.append(plays(0, 10));
            streamA.drain();
            streamB.drain();
            a.flush();
            b.flush();
            assertThat(plays).as("plays after A wrote the first ten and B found the checkpoint moved").isEqualTo(10);
            assertThat(b.checkpoint()).as("B's checkpoint, taken from A's write").isEqualTo(LogPosition.of(10));

            events.append(plays(10, 5));
            streamB.drain();
            b.flush();
            streamA.drain();
            a.flush();
            assertThat(plays).as("plays after B wrote the next five first").isEqualTo(15);
            assertThat(a.checkpoint()).as("A's checkpoint, taken from B's write").isEqualTo(LogPosition.of(15));

            events.append(plays(15, 3));
            streamA.drain();
            a.flush();
            streamB.drain();
            b.flush();
            assertThat(plays).as("every play counted once, whoever wrote it").isEqualTo(18);
            assertThat(checkpoint).isEqualTo(LogPosition.of(18));
        }
    }

    private static List<UserEvent> plays(int from, int count) {
        List<UserEvent> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            batch.add(new UserEvent(EventType.PLAY, "viewer-" + i, "clip", "channel", Surface.FOR_YOU, Optional.empty(),
                    Optional.empty(), 0, 10_000, Instant.parse("2026-06-01T12:00:00Z").plusSeconds(i)));
        }
        return batch;
    }
}
