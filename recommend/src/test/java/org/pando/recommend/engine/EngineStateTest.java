package org.pando.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pando.events.EventType;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.recommend.EngineSettings;

class EngineStateTest {
    private final EngineState state = new EngineState(EngineSettings.defaults());
    private long sequence;

    private void event(EventType type, long watchedMs) {
        event("ana", type, "v", watchedMs);
    }

    private void event(String user, EventType type, String video, long watchedMs) {
        state.accept(new LoggedEvent(++sequence, new UserEvent(type, user, video, "c", Surface.FOR_YOU, Optional.empty(),
                Optional.empty(), watchedMs, 10_000, Instant.parse("2026-06-01T12:00:00Z"))));
    }

    private Double weight() {
        return state.user("ana").valued.weights().get("v");
    }

    @Test
    void watchingRaisesAVideosWeightToWhatWasWatchedAndNeverTakesBackWhatALikeAdded() {
        event(EventType.PROGRESS, 6_000);
        assertThat(weight()).as("after watching 60%%").isCloseTo(0.6, within(1e-9));
        event(EventType.LIKE, 0);
        assertThat(weight()).as("after a like").isCloseTo(1.6, within(1e-9));
        event(EventType.PROGRESS, 8_000);
        event(EventType.COMPLETE, 10_000);
        assertThat(weight()).as("watching on after the like").isCloseTo(1.6, within(1e-9));
        event(EventType.UNLIKE, 0);
        assertThat(weight()).as("after taking the like back").isCloseTo(0.6, within(1e-9));
        event(EventType.UNLIKE, 0);
        assertThat(weight()).as("a video with no weight left leaves the history").isNull();
    }

    @Test
    void aVisitorWhoSignsUpBringsTheirHistoryAndTheirLaterEventsCountForTheAccount() {
        String visitor = UserEvent.VISITOR_PREFIX + "abc";
        event(visitor, EventType.COMPLETE, "soup", 10_000);
        event(visitor, EventType.NOT_INTERESTED, "news", 0);

        state.carryOver(visitor, "bo");
        event(visitor, EventType.LIKE, "bread", 0);

        UserState account = state.user("bo");
        assertThat(account.valued.weights()).as("the account's valued videos").containsOnlyKeys("soup", "bread");
        assertThat(account.rejected).as("the account's rejected videos").containsExactly("news");
        assertThat(state.visitorsKept()).as("visitors kept once the only one signed up").isZero();
    }

    @Test
    void aVisitorCarriedOverToAnAccountWithAHistoryJoinsIt() {
        String visitor = UserEvent.VISITOR_PREFIX + "def";
        event("cy", EventType.COMPLETE, "soup", 10_000);
        event(visitor, EventType.COMPLETE, "bread", 10_000);
        event(visitor, EventType.NOT_INTERESTED, "soup", 0);

        state.carryOver(visitor, "cy");

        UserState account = state.user("cy");
        assertThat(account.valued.weights()).as("valued: the account's, the visitor's, less what the visitor turned down")
                .containsOnlyKeys("bread");
        assertThat(account.seen).as("seen by either").contains("soup", "bread");
    }
}
