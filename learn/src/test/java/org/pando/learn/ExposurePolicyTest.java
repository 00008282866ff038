package org.pando.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The exposure cap on a round where everyone would get the same list. */
class ExposurePolicyTest {
    private static final int ITEMS = 200;
    private static final int USERS = 50;
    private static final int K = 5;

    private static int[] bestFirst(int count) {
        int[] candidates = new int[count];
        Arrays.setAll(candidates, i -> i);
        return candidates;
    }

    @Test
    void capIsTheHeadShareSpreadOverTheHeadItems() {
        // top 1% of 200 items = 2 items; 30% of 50 x 5 = 75 impressions; 75 / 2 = 37.5
        ExposurePolicy policy = ExposurePolicy.forRound(new ExposurePolicy.Settings(0.01, 0.3), ITEMS, USERS, K);

        assertThat(policy.cap()).isEqualTo(37);
    }

    @Test
    void overExposedItemsAreDemotedUntilTheHeadHoldsAtMostItsShare() {
        ExposurePolicy policy = ExposurePolicy.forRound(new ExposurePolicy.Settings(0.01, 0.3), ITEMS, USERS, K);
        long[] shown = new long[ITEMS];
        int[] last = {};
        for (int u = 0; u < USERS; u++) {
            last = policy.pick(bestFirst(40), K);
            for (int item : last) {
                shown[item]++;
            }
        }

        assertThat(shown[0]).as("the best item stops at its cap").isEqualTo(37);
        assertThat(last).as("the last user's list skips items at their cap").doesNotContain(0, 1, 2, 3, 4).hasSize(K);
        long[] sorted = shown.clone();
        Arrays.sort(sorted);
        long head = sorted[ITEMS - 1] + sorted[ITEMS - 2];
        assertThat(head / (double) (USERS * K)).as("share of the top 1%").isLessThanOrEqualTo(0.3);
        assertThat(Gini.of(shown)).as("exposure spreads beyond the five best").isLessThan(Gini.of(withoutPolicy()));
    }

    @Test
    void cappedItemsStillFillAListWhenTheCandidatesRunOut() {
        ExposurePolicy policy = ExposurePolicy.forRound(new ExposurePolicy.Settings(0.5, 0.1), 2, 10, 1);
        assertThat(policy.cap()).isEqualTo(1);
        policy.pick(new int[] {0, 1}, 1);

        assertThat(policy.pick(new int[] {0, 1}, 1)).as("item 0 is at its cap").containsExactly(1);
        assertThat(policy.pick(new int[] {0}, 1)).as("no other candidate").containsExactly(0);
        assertThat(policy.impressions(0)).isEqualTo(2);
    }

    @Test
    void sharesOutsideZeroToOneAreRejected() {
        assertThatThrownBy(() -> new ExposurePolicy.Settings(0.01, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long[] withoutPolicy() {
        long[] shown = new long[ITEMS];
        for (int item = 0; item < K; item++) {
            shown[item] = USERS;
        }
        return shown;
    }
}
