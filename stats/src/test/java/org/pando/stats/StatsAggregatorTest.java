package org.pando.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pando.events.EventType;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.stats.StatsDelta.VideoColumn;

class StatsAggregatorTest {
    /** What the store was asked to add: the delta and the checkpoint it moves from and to. */
    private record Write(StatsDelta delta, LogPosition from, LogPosition to) {
    }

    private final List<Write> writes = new ArrayList<>();
    private int failuresLeft;

    private final StatsStore store = (StatsStore) Proxy.newProxyInstance(StatsStore.class.getClassLoader(),
            new Class<?>[] {StatsStore.class}, (proxy, method, args) -> switch (method.getName()) {
                case "checkpoint" -> LogPosition.START;
                case "add" -> {
                    if (failuresLeft > 0) {
                        failuresLeft--;
                        throw new IllegalStateException("the database is away");
                    }
                    writes.add(new Write((StatsDelta) args[0], (LogPosition) args[1], (LogPosition) args[2]));
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static LoggedEvent play(long sequence, String user) {
        return new LoggedEvent(sequence, new UserEvent(EventType.PLAY, user, "clip", "channel", Surface.FOR_YOU, Optional.empty(),
                Optional.empty(), 0, 10_000, Instant.parse("2026-06-01T12:00:00Z")));
    }

    @Test
    void aFailedWriteGoesAgainWithTheEventsThatCameMeanwhileAndMovesTheCheckpointOnce() {
        try (StatsAggregator aggregator = new StatsAggregator(store, Duration.ofHours(1))) {
            aggregator.accept(play(1, "ana"));
            aggregator.accept(play(2, "bo"));
            failuresLeft = 1;
            assertThatThrownBy(aggregator::flush).as("a write while the database is away").hasMessageContaining("away");
            assertThat(aggregator.checkpoint()).as("checkpoint after the failed write").isEqualTo(LogPosition.START);

            aggregator.accept(play(3, "cy"));
            aggregator.accept(play(2, "bo"));
            aggregator.flush();

            assertThat(writes).as("writes that reached the store").singleElement().satisfies(w -> {
                assertThat(w.from()).as("checkpoint moved from").isEqualTo(LogPosition.START);
                assertThat(w.to()).as("checkpoint moved to").isEqualTo(LogPosition.of(3));
                assertThat(w.delta().totals().rows().get("clip")[VideoColumn.VIEWS.ordinal()])
                        .as("plays in the write: the two that failed, the one after, not the one delivered twice")
                        .isEqualTo(3);
                assertThat(w.delta().viewers()).as("viewers in the write").hasSize(3);
            });
            assertThat(aggregator.checkpoint()).as("checkpoint after the write").isEqualTo(LogPosition.of(3));
        }
    }
}
