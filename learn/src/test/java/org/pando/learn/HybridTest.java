package org.pando.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blend of standardised sources, negative feedback, and the popularity prior, on answers worked out by hand. */
class HybridTest {
    /** The same scores for everyone; remembers the negatives it was last given. */
    private static final class Fixed implements ItemScorer {
        private final float[] scores;
        private final List<int[]> negativesSeen = new ArrayList<>();

        Fixed(float... scores) {
            this.scores = scores;
        }

        @Override
        public int items() {
            return scores.length;
        }

        @Override
        public void score(int[] history, float[] weights, float[] out) {
            System.arraycopy(scores, 0, out, 0, scores.length);
        }

        @Override
        public void score(int[] history, float[] weights, int[] negatives, float[] out) {
            negativesSeen.add(negatives);
            score(history, weights, out);
        }
    }

    private static final int[] NO_HISTORY = {};
    private static final float[] NO_WEIGHTS = {};

    @Test
    void standardisingCentresAndScalesToUnitDeviation() {
        float[] scores = {1f, 2f, 3f, 4f};
        Hybrid.standardise(scores);

        double sd = Math.sqrt(1.25);
        assertThat(scores).containsExactly(new float[] {(float) (-1.5 / sd), (float) (-0.5 / sd), (float) (0.5 / sd),
            (float) (1.5 / sd)}, within(1e-6f));
        float[] constant = {7f, 7f, 7f};
        Hybrid.standardise(constant);
        assertThat(constant).as("a constant source carries no preference").containsOnly(0f);
    }

    @Test
    void weightsActOnStandardisedScoresWhateverTheSourceScale() {
        // a: z = (-1, -1, 1, 1); b, a thousand times larger: z = (1, -1, 1, -1)
        Fixed a = new Fixed(0f, 0f, 2f, 2f);
        Fixed b = new Fixed(2000f, 0f, 2000f, 0f);
        float[] out = new float[4];

        Hybrid.of(List.of(new Hybrid.Source("a", a, 1f), new Hybrid.Source("b", b, 0.5f)))
                .score(NO_HISTORY, NO_WEIGHTS, out);

        assertThat(out).as("a + 0.5 b on z-scores").containsExactly(new float[] {-0.5f, -1.5f, 1.5f, 0.5f}, within(1e-6f));
    }

    @Test
    void negativeFeedbackReachesTheSourcesAndSinksTheItem() {
        Fixed a = new Fixed(4f, 3f, 2f, 1f);
        Hybrid hybrid = Hybrid.of(List.of(new Hybrid.Source("a", a, 1f)));
        float[] out = new float[4];

        hybrid.score(NO_HISTORY, NO_WEIGHTS, new int[] {0}, out);

        assertThat(a.negativesSeen).as("the source was asked with the user's negatives").containsExactly(new int[] {0});
        assertThat(TopK.select(out, 4, NO_HISTORY)).as("the best-scored item, skipped, comes last").containsExactly(1, 2, 3, 0);
    }

    @Test
    void blendingStandardisedSourcesGivesTheSameScoresAsScoring() {
        Fixed a = new Fixed(5f, 1f, 3f, 0f);
        Fixed b = new Fixed(0f, 9f, 1f, 4f);
        Hybrid hybrid = Hybrid.of(List.of(new Hybrid.Source("a", a, 0.7f), new Hybrid.Source("b", b, 0.2f)));
        int[] negatives = {3};
        float[] scored = new float[4];
        float[] blended = new float[4];

        hybrid.score(NO_HISTORY, NO_WEIGHTS, negatives, scored);
        Hybrid.blend(hybrid.standardisedSources(NO_HISTORY, NO_WEIGHTS, negatives), new float[] {0.7f, 0.2f}, negatives, blended);

        assertThat(blended).containsExactly(scored, within(1e-6f));
    }

    @Test
    void sourcesMustScoreTheSameCatalogue() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hybrid.of(List.of(
                new Hybrid.Source("a", new Fixed(1f, 2f), 1f), new Hybrid.Source("b", new Fixed(1f, 2f, 3f), 1f))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b scores 3 items");
    }

    @Test
    void thePriorExpectsPositivesFromExposuresAndASmoothedRate() {
        // item 0: 3 positives of 3 exposures; item 1: 3 of 12; item 2: never shown. Catalogue rate r0 = 6 / 15.
        Interactions.Builder positives = Interactions.builder(12, 3);
        Interactions.Builder negatives = Interactions.builder(12, 3);
        for (int u = 0; u < 3; u++) {
            positives.add(u, 0, 1f);
            positives.add(u, 1, 1f);
        }
        for (int u = 3; u < 12; u++) {
            negatives.add(u, 1, 1f);
        }
        float[] withNegatives = new float[3];
        float[] positivesOnly = new float[3];

        Interactions none = Interactions.builder(12, 3).build();
        PopularityPrior.fit(positives.build(), negatives.build(), 3f).score(NO_HISTORY, NO_WEIGHTS, withNegatives);
        PopularityPrior.fit(positives.build(), none, 3f).score(NO_HISTORY, NO_WEIGHTS, positivesOnly);

        // 3 · (3 + 3 · 0.4) / (3 + 3) = 2.1 and 12 · (3 + 1.2) / (12 + 3) = 3.36
        assertThat(withNegatives).as("the often-skipped item still expects more positives, from more exposures")
                .containsExactly(new float[] {(float) Math.log1p(2.1), (float) Math.log1p(3.36), 0f}, within(1e-5f));
        assertThat(positivesOnly).as("without negatives: the log of the positive count")
                .containsExactly(new float[] {(float) Math.log1p(3), (float) Math.log1p(3), 0f}, within(1e-6f));
    }
}
