package org.pando.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GiniTest {
    private record Case(String name, long[] counts, double expected) {
    }

    @Test
    void matchesKnownDistributions() {
        List<Case> cases = List.of(
                new Case("all equal", new long[] {5, 5, 5, 5}, 0.0),
                new Case("one takes all of four", new long[] {0, 0, 0, 8}, 0.75),
                new Case("one takes all of a hundred", oneOf(100), 0.99),
                new Case("1, 2, 3, 4", new long[] {4, 1, 3, 2}, 0.25),
                new Case("nothing at all", new long[] {0, 0}, 0.0));
        for (Case c : cases) {
            assertThat(Gini.of(c.counts())).as(c.name()).isCloseTo(c.expected(), within(1e-9));
        }
    }

    private static long[] oneOf(int n) {
        long[] counts = new long[n];
        counts[n - 1] = 42;
        return counts;
    }
}
