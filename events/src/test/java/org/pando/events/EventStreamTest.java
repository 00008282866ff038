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

    private static UserEvent play(String video) {
        return new UserEvent(EventType.PLAY, "u", video, "c", Surface.FOR_YOU, Optional.empty(), Optional.empty(), 0, 1000,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void deliversEveryEventInOrderFromEachConsumersPosition() throws InterruptedException {
        ListedLog log = new ListedLog();
        log.append(List.of(play("a"), play("b")));
        List<String> fromStart = new CopyOnWriteArrayList<>();
        List<String> fromSecond = new CopyOnWriteArrayList<>();
        try (EventStream stream = new EventStream(log, 20)) {
            stream.subscribe(0, e -> fromStart.add(e.event().videoId()));
            stream.subscribe(2, e -> fromSecond.add(e.event().videoId()));
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
    void drainDeliversOnTheCallingThreadWithoutStarting() {
        ListedLog log = new ListedLog();
        List<String> seen = new ArrayList<>();
        EventStream stream = new EventStream(log, 1000);
        stream.subscribe(0, e -> seen.add(e.event().videoId()));
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
