package org.pando.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LorenzTest {
    @Test
    void equalSharesLieOnTheDiagonal() {
        assertThat(Lorenz.of(new long[] {5, 5, 5, 5}).points()).as("curve of four equal counts").containsExactly(
                new Lorenz.Point(0, 0), new Lorenz.Point(0.25, 0.25), new Lorenz.Point(0.5, 0.5), new Lorenz.Point(0.75, 0.75),
                new Lorenz.Point(1, 1));
    }

    @Test
    void oneCreatorTakingEverythingLeavesTheCurveFlatUntilTheEnd() {
        assertThat(Lorenz.of(new long[] {10, 0, 0, 0}).points()).as("curve when one of four has all").containsExactly(
                new Lorenz.Point(0, 0), new Lorenz.Point(0.25, 0), new Lorenz.Point(0.5, 0), new Lorenz.Point(0.75, 0),
                new Lorenz.Point(1, 1));
        assertThat(Lorenz.standing(new long[] {10, 0, 0, 0}, 10)).as("standing of the one with everything")
                .isEqualTo(new Lorenz.Point(0.75, 1));
    }

    @Test
    void aLongCurveIsThinnedToAtMostAHundredAndOnePoints() {
        long[] counts = new long[1000];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i;
        }
        Lorenz curve = Lorenz.of(counts);

        assertThat(curve.points()).as("points of a curve over 1000 creators").hasSizeLessThanOrEqualTo(Lorenz.MAX_POINTS)
                .last().isEqualTo(new Lorenz.Point(1, 1));
    }
}
