package org.pando.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decayed counts: values that halve each half-life, the largest keys in order, and their total. */
class DecayedCountersTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theLargestKeysComeInOrderWhetherFewOrMoreThanTheOrderHolds() {
        DecayedCounters counters = counters(5000);
        assertThat(counters.top(3, T0)).as("the three largest")
                .containsExactly(Map.entry("k5000", 5000.0), Map.entry("k4999", 4999.0), Map.entry("k4998", 4998.0));

        List<Map.Entry<String, Double>> many = counters.top(3000, T0);
        assertThat(many).as("more keys than the order first held").hasSize(3000);
        assertThat(many.getFirst().getKey()).isEqualTo("k5000");
        assertThat(many.getLast().getKey()).as("the 3000th largest").isEqualTo("k2001");
        assertThat(many).extracting(Map.Entry::getValue).as("largest first").isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void aFewKeysAreOrderedAgainAfterEveryChangeAndManyKeysAtMostEveryFewSeconds() {
        DecayedCounters few = counters(10);
        few.top(3, T0);
        few.add("new", 1e6, T0);
        assertThat(few.top(1, T0)).as("ten keys: the order after a change").extracting(Map.Entry::getKey).containsExactly("new");

        DecayedCounters many = counters(5000);
        many.top(3, T0);
        many.add("new", 1e6, T0);
        assertThat(many.top(1, T0.plusMillis(10))).as("5,000 keys: the order sorted before the change, its count fresh")
                .containsExactly(Map.entry("k5000", 5000.0 * Math.pow(2, -10.0 / Duration.ofHours(1).toMillis())));
        assertThat(many.top(1, T0.plusSeconds(6))).as("5,000 keys: sorted again once five seconds passed")
                .extracting(Map.Entry::getKey).containsExactly("new");
    }

    @Test
    void valuesAndTheTotalHalveEachHalfLife() {
        DecayedCounters counters = new DecayedCounters(Duration.ofHours(1));
        counters.add("a", 8, T0);
        counters.add("b", 4, T0.plus(Duration.ofHours(1)));
        Instant later = T0.plus(Duration.ofHours(2));

        assertThat(counters.value("a", later)).as("a, two half-lives on").isCloseTo(2, within(1e-9));
        assertThat(counters.value("b", later)).as("b, one half-life on").isCloseTo(2, within(1e-9));
        assertThat(counters.total(later)).as("the total").isCloseTo(4, within(1e-9));
        assertThat(counters.top(1, later)).as("ties keep one of the two").hasSize(1);
    }

    /** Keys k1 … kn, each counted its number, at {@link #T0}. */
    private static DecayedCounters counters(int keys) {
        DecayedCounters counters = new DecayedCounters(Duration.ofHours(1));
        for (int i = 1; i <= keys; i++) {
            counters.add("k" + i, i, T0);
        }
        return counters;
    }
}
