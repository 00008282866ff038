package org.pando.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pando.recommend.ContentIndex.Match;

class CoWatchTest {

    @Test
    void scoresAreTheHistoryWeightedShrunkCosineWithTheStrongestSeedAsTheReason() {
        CoWatch coWatch = new CoWatch(1f, 100, 100);
        coWatch.add(List.of(), "a");
        coWatch.add(List.of("a"), "b");
        coWatch.add(List.of(), "a");
        coWatch.add(List.of("a"), "b");
        coWatch.add(List.of(), "c");
        coWatch.add(List.of("c"), "b");
        coWatch.add(List.of("c", "b"), "d");

        Map<String, Match> found = coWatch.forHistory(Map.of("a", 1.0, "c", 2.0), 10);

        // n(a)=2, n(b)=3, n(c)=1, n(d)=1; c(a,b)=2, c(c,b)=1, c(c,d)=1
        double ab = 2 / (Math.sqrt(2 * 3) + 1);
        double cb = 1 / (Math.sqrt(1 * 3) + 1);
        double cd = 1 / (Math.sqrt(1 * 1) + 1);
        assertThat(found).as("history videos are never their own neighbours").containsOnlyKeys("b", "d");
        assertThat(found.get("b").score()).as("b: 1·sim(a,b) + 2·sim(c,b)").isCloseTo(ab + 2 * cb, within(1e-6));
        assertThat(found.get("b").because()).as("the seed contributing most to b (2·sim(c,b) > 1·sim(a,b))").isEqualTo("c");
        assertThat(found.get("d").score()).isCloseTo(2 * cd, within(1e-6));
        assertThat(found.get("d").because()).isEqualTo("c");
    }

    @Test
    void keepsTheBestWithinTheLimitAndNoMorePartnersThanTheCap() {
        CoWatch coWatch = new CoWatch(0f, 3, 100);
        for (int i = 0; i < 2_000; i++) {
            coWatch.add(List.of("seed"), "v" + i);
            for (int again = 0; again < i % 7; again++) {
                coWatch.add(List.of("seed"), "v" + i);
            }
        }
        Map<String, Match> found = coWatch.forHistory(Map.of("seed", 1.0), 10);
        assertThat(found).as("the seed keeps only its first three partners").containsOnlyKeys("v0", "v1", "v2");

        CoWatch wide = new CoWatch(0f, 5_000, 100);
        for (int i = 0; i < 2_000; i++) {
            for (int times = 0; times <= i % 7; times++) {
                wide.add(List.of("seed"), "v" + i);
            }
        }
        Map<String, Match> best = wide.forHistory(Map.of("seed", 1.0), 5);
        assertThat(best).as("the limit keeps the five strongest of 2,000 partners (each seen 7 times together)")
                .hasSize(5).allSatisfy((id, match) -> assertThat(Integer.parseInt(id.substring(1)) % 7).isEqualTo(6));
    }

    @Test
    void aRequestReadsOnlyEachHistoryVideosNearestNeighbours() {
        CoWatch coWatch = new CoWatch(0f, 5_000, 3);
        for (int i = 0; i < 10; i++) {
            for (int times = 0; times <= i; times++) {
                coWatch.add(List.of("seed"), "v" + i);
            }
        }
        assertThat(coWatch.forHistory(Map.of("seed", 1.0), 10))
                .as("of ten partners (v9 the most similar), only the three nearest are read, though ten were asked for")
                .containsOnlyKeys("v9", "v8", "v7");
    }

    @Test
    void aVideoWithFewPartnersIsRankedAgainAtEveryChange() {
        CoWatch coWatch = new CoWatch(0f, 5_000, 3);
        coWatch.add(List.of("seed"), "a");
        assertThat(coWatch.forHistory(Map.of("seed", 1.0), 10)).containsOnlyKeys("a");

        coWatch.add(List.of("seed"), "b");

        assertThat(coWatch.forHistory(Map.of("seed", 1.0), 10)).as("a new partner shows in the next request").containsOnlyKeys("a", "b");
    }

    @Test
    void aPopularVideoIsRankedAgainOnceItsCountsGrewByATwentieth() {
        CoWatch coWatch = new CoWatch(0f, 5_000, 2);
        for (int i = 0; i < 10; i++) {
            for (int times = 0; times < 10; times++) {
                coWatch.add(List.of("seed"), "v" + i);
            }
            for (int alone = 0; alone < 90; alone++) {
                coWatch.add(List.of(), "v" + i);
            }
        }
        // the seed's counts grew 100 times (ten pairs with each of ten partners); each partner's similarity is 10/√100 = 1
        assertThat(coWatch.forHistory(Map.of("seed", 1.0), 10)).hasSize(2).doesNotContainKey("new");
        for (int times = 0; times < 4; times++) {
            coWatch.add(List.of("seed"), "new");
        }
        assertThat(coWatch.forHistory(Map.of("seed", 1.0), 10))
                .as("four more pairs (4/√4 = 2, nearer than any other) are under a twentieth of 100: the ranking is kept")
                .doesNotContainKey("new");

        coWatch.add(List.of("seed"), "new");

        assertThat(coWatch.forHistory(Map.of("seed", 1.0), 10)).as("the fifth is a twentieth: ranked again").containsKey("new");
    }
}
