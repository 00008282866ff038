package org.pando.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.pando.events.EventType;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.events.UserEvent;

class OffPolicyReplayTest {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private final OffPolicyReplay replay = new OffPolicyReplay();
    private long sequence;

    private void log(EventType type, String user, String video, long watchedMs, Duration after, Double propensity) {
        replay.accept(new LoggedEvent(++sequence, new UserEvent(type, user, video, "c", Surface.FOR_YOU, Optional.empty(),
                Optional.empty(), watchedMs, 10_000, T0.plus(after),
                propensity == null ? OptionalDouble.empty() : OptionalDouble.of(propensity))));
    }

    @Test
    void estimatesTheRankingWithoutExplorationFromLoggedPropensities() {
        log(EventType.IMPRESSION, "ana", "v1", 0, Duration.ZERO, 0.95);
        log(EventType.COMPLETE, "ana", "v1", 10_000, Duration.ofSeconds(20), null);
        log(EventType.IMPRESSION, "ana", "v2", 0, Duration.ofSeconds(30), 0.95);
        log(EventType.SKIP, "ana", "v2", 1_000, Duration.ofSeconds(31), null);
        log(EventType.IMPRESSION, "bo", "v3", 0, Duration.ZERO, 0.0025);
        log(EventType.COMPLETE, "bo", "v3", 10_000, Duration.ofSeconds(15), null);
        log(EventType.IMPRESSION, "bo", "v4", 0, Duration.ofSeconds(20), 0.95);
        log(EventType.LIKE, "bo", "v4", 0, Duration.ofHours(2), null);
        log(EventType.COMPLETE, "cy", "v5", 10_000, Duration.ZERO, null);

        OffPolicyReplay.Estimate e = replay.overall();

        assertThat(e.impressions()).as("impressions with a propensity").isEqualTo(4);
        assertThat(e.explored()).as("explored impressions").isEqualTo(1);
        assertThat(e.loggedReward()).as("logged reward: v1 and v3 valued, v4 liked too late").isEqualTo(0.5);
        assertThat(e.exploredReward()).as("explored reward").isEqualTo(1.0);
        assertThat(e.ips()).as("IPS: one valued ranked impression at p=0.95 over four").isCloseTo(1 / 0.95 / 4, within(1e-12));
        assertThat(e.snips()).as("SNIPS: one of three equally weighted ranked impressions").isCloseTo(1.0 / 3, within(1e-12));
        assertThat(e.effectiveSamples()).as("effective samples of equal weights").isCloseTo(3, within(1e-9));
        assertThat(replay.estimates()).as("by surface").containsOnlyKeys(Surface.FOR_YOU);
    }
}
