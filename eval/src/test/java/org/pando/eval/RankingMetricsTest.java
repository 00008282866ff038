package org.pando.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pando.learn.Interactions;

/** The metrics on lists whose values are worked out by hand. */
class RankingMetricsTest {
    private static Interactions of(int users, int items, int[][] rows) {
        Interactions.Builder b = Interactions.builder(users, items);
        for (int u = 0; u < rows.length; u++) {
            for (int i : rows[u]) {
                b.add(u, i, 1f);
            }
        }
        return b.build();
    }

    @Test
    void recallAndNdcgFollowTheLightGcnDefinitions() {
        int n = 30;
        Interactions train = of(2, n, new int[][] {{0}, {1}});
        Interactions test = of(2, n, new int[][] {{5, 6}, {}});
        Interactions none = Interactions.builder(2, n).build();
        RankingMetrics metrics = new RankingMetrics(new Dataset("t", "t", train, test, none, none, none));
        int[] top = new int[20];
        for (int r = 0; r < 20; r++) {
            top[r] = 7 + r;
        }
        top[0] = 5;
        top[12] = 6;

        metrics.add(0, top, new float[n]);
        metrics.add(1, top, new float[n]);
        Map<String, Double> m = metrics.results();

        double idcg2 = 1 + 1 / log2(3);
        assertThat(m.get("users")).as("only users with a test item count").isEqualTo(1.0);
        assertThat(m.get("recall@10")).as("one of two test items in the top 10").isCloseTo(0.5, within(1e-9));
        assertThat(m.get("recall@20")).isCloseTo(1.0, within(1e-9));
        assertThat(m.get("ndcg@10")).isCloseTo(1 / idcg2, within(1e-9));
        assertThat(m.get("ndcg@20")).isCloseTo((1 + 1 / log2(14)) / idcg2, within(1e-9));
        assertThat(m.get("coverage@20")).as("20 of 30 items listed").isCloseTo(20 / 30.0, within(1e-9));
    }

    @Test
    void aucComparesEachTestPositiveWithEachTestNegative() {
        Interactions train = of(1, 4, new int[][] {{}});
        Interactions test = of(1, 4, new int[][] {{0, 1}});
        Interactions negatives = of(1, 4, new int[][] {{2, 3}});
        Interactions none = Interactions.builder(1, 4).build();
        RankingMetrics metrics = new RankingMetrics(new Dataset("t", "t", train, test, none, negatives, negatives));

        // positive 0 beats both negatives, positive 1 beats one and ties one: (2 + 1.5) / 4
        metrics.add(0, new int[] {0, 2, 1, 3}, new float[] {0.9f, 0.5f, 0.5f, 0.1f});

        assertThat(metrics.results().get("auc")).isCloseTo(3.5 / 4, within(1e-9));
        assertThat(metrics.results().get("negatives@20")).as("two of four slots hold known negatives").isCloseTo(0.5, within(1e-9));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void topShareIsWhatTheMostListedOnePercentHold() {
        long[] exposure = new long[200];
        exposure[7] = 30;
        exposure[9] = 20;
        for (int i = 100; i < 150; i++) {
            exposure[i] = 1;
        }

        assertThat(RankingMetrics.topShare(exposure, 0.01)).as("2 of 200 items hold 50 of 100 slots").isCloseTo(0.5, within(1e-9));
    }
}
