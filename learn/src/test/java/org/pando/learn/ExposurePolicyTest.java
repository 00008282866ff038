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
    void aRoundFillsEveryonesFirstPlaceBeforeAnyonesSecondInASnakeOrder() {
        // Every item may be shown once; three users who rank four items alike, two places each.
        ExposurePolicy once = ExposurePolicy.forRound(new ExposurePolicy.Settings(1, 0.5), 6, 1, 2);
        assertThat(once.cap()).as("cap: 50% of 2 impressions over 6 items, at least 1").isEqualTo(1);
        int[][] alike = {{0, 1, 2, 3}, {0, 1, 2, 3}, {0, 1, 2, 3}};

        int[][] lists = once.pickRound(alike, 2);

        assertThat(lists[2]).as("user 2 takes 2 for the first place and, first in the reverse turn, 3 for the second")
                .containsExactly(2, 3);
        assertThat(lists[1]).as("user 1 takes 1, then finds everything capped and gets its best not yet in its list")
                .containsExactly(1, 0);
        assertThat(lists[0]).as("user 0 takes 0, then the same").containsExactly(0, 1);
        assertThat(once.impressions(3)).as("impressions of item 3").isEqualTo(1);
    }

    @Test
    void aRoundKeepsTheHeadWithinItsShareAndServesTheLastUserBetterThanListsBuiltOneByOne() {
        ExposurePolicy round = ExposurePolicy.forRound(new ExposurePolicy.Settings(0.01, 0.3), ITEMS, USERS, K);
        ExposurePolicy oneByOne = ExposurePolicy.forRound(new ExposurePolicy.Settings(0.01, 0.3), ITEMS, USERS, K);
        int[][] candidates = new int[USERS][];
        Arrays.setAll(candidates, u -> bestFirst(40));

        int[][] lists = round.pickRound(candidates, K);
        int[] lastAlone = {};
        for (int u = 0; u < USERS; u++) {
            lastAlone = oneByOne.pick(candidates[u], K);
        }

        long[] shown = new long[ITEMS];
        for (int[] list : lists) {
            assertThat(list).as("a full list").hasSize(K);
            for (int item : list) {
                shown[item]++;
            }
        }
        assertThat(shown[0] + shown[1]).as("impressions of the two head items").isLessThanOrEqualTo((long) (0.3 * USERS * K));
        assertThat(sum(lists[USERS - 1])).as("the last user's list, built in the round, against built alone: %s, %s",
                Arrays.toString(lists[USERS - 1]), Arrays.toString(lastAlone)).isLessThan(sum(lastAlone));
    }

    private static int sum(int[] list) {
        return Arrays.stream(list).sum();
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
