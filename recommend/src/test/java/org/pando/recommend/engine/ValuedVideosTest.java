package org.pando.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pando.events.EventType;
import org.pando.events.Surface;
import org.pando.events.UserEvent;

class ValuedVideosTest {
    private final ValuedVideos valued = new ValuedVideos();

    @Test
    void watchingHalfOrMoreValuesAVideoAtTheShareWatchedAndFinishingItAtOne() {
        assertThat(valued.accept(event(EventType.PROGRESS, "v", 20_000))).as("40% watched").isEqualTo(ValuedVideos.Change.NONE);
        assertThat(valued.accept(event(EventType.PROGRESS, "v", 30_000))).as("60% watched").isEqualTo(ValuedVideos.Change.ADDED);
        assertThat(valued.weights().get("v")).isCloseTo(0.6, offset(1e-9));
        assertThat(valued.accept(event(EventType.PROGRESS, "v", 25_000))).as("an earlier position").isEqualTo(ValuedVideos.Change.NONE);
        assertThat(valued.accept(event(EventType.COMPLETE, "v", 50_000))).isEqualTo(ValuedVideos.Change.CHANGED);
        assertThat(valued.weights().get("v")).as("finished").isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void likesSharesAndCommentsAddToWhatWasWatchedAndNotInterestedForgetsIt() {
        valued.accept(event(EventType.COMPLETE, "v", 50_000));
        valued.accept(event(EventType.LIKE, "v", 0));
        valued.accept(event(EventType.SHARE, "v", 0));
        assertThat(valued.weights().get("v")).as("finished, liked, shared").isCloseTo(2.5, offset(1e-9));
        valued.accept(event(EventType.UNLIKE, "v", 0));
        assertThat(valued.weights().get("v")).as("the like taken back").isCloseTo(1.5, offset(1e-9));

        assertThat(valued.accept(event(EventType.NOT_INTERESTED, "v", 0))).isEqualTo(ValuedVideos.Change.REMOVED);
        assertThat(valued.isEmpty()).as("nothing valued after 'not interested'").isTrue();
        assertThat(valued.accept(event(EventType.UNLIKE, "w", 0))).as("taking back a like never given")
                .isEqualTo(ValuedVideos.Change.CHANGED);
        assertThat(valued.weights()).as("a weight that falls to 0 or below").doesNotContainKey("w");
    }

    @Test
    void onlyTheMostRecentlyValuedAreKeptNewestLast() {
        for (int i = 0; i <= ValuedVideos.MAX; i++) {
            valued.accept(event(EventType.LIKE, "v" + i, 0));
        }
        valued.accept(event(EventType.LIKE, "v1", 0));

        assertThat(valued.weights()).as("kept").hasSize(ValuedVideos.MAX).doesNotContainKey("v0");
        assertThat(valued.newest(2)).as("the newest, newest first").containsExactly("v1", "v" + ValuedVideos.MAX);
    }

    private static UserEvent event(EventType type, String video, long watchedMs) {
        return new UserEvent(type, "ana", video, "c", Surface.FOR_YOU, Optional.empty(), Optional.empty(), watchedMs, 50_000,
                Instant.parse("2026-06-01T00:00:00Z"));
    }
}
