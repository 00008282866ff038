package org.pando.eval.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pando.learn.AlsWrPenalty;
import org.pando.learn.ImplicitAls;
import org.pando.learn.Interactions;
import org.pando.learn.Progress;

/**
 * Spark's ALS on a tiny matrix of two tastes: 15 users each take four of items 0-4, 15 others four of items
 * 5-9. One Spark fit serves every test.
 */
class SparkAlsTest {
    private static final ImplicitAls.Settings SETTINGS = new ImplicitAls.Settings(8, 10, 5f, 0.6f, 3, 42L);
    private static final float REG_PARAM = 0.1f;
    private static final int USERS = 30;
    private static final int ITEMS = 10;

    private static Interactions train;
    private static SparkFactors factors;
    private static SparkAlsScorer scorer;
    private static Set<Thread> sparkThreadsLeft;

    @BeforeAll
    static void fit() throws InterruptedException {
        train = twoTastes();
        Set<Thread> before = liveNonDaemonThreads();
        factors = SparkAls.train(train, SETTINGS, REG_PARAM, Progress.NONE);
        scorer = new SparkAlsScorer(factors.items(), factors.rank(), SETTINGS.alpha(), REG_PARAM);
        sparkThreadsLeft = Set.of();
        for (int wait = 0; wait < 50; wait++) {
            sparkThreadsLeft = liveNonDaemonThreads().stream().filter(t -> !before.contains(t)).collect(Collectors.toSet());
            if (sparkThreadsLeft.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void scoresItemsOfTheSameTasteAboveUnrelatedOnes() {
        int[] history = {0, 1, 2};
        float[] scores = new float[scorer.items()];
        scorer.score(history, new float[] {1f, 1f, 1f}, scores);
        for (int coConsumed : new int[] {3, 4}) {
            for (int unrelated = 5; unrelated < ITEMS; unrelated++) {
                assertThat(scores[coConsumed])
                        .as("item %d, taken with items 0-2 by the same users, against unrelated item %d", coConsumed, unrelated)
                        .isGreaterThan(scores[unrelated]);
            }
        }
    }

    @Test
    void foldInReproducesSparksOwnUserFactors() {
        for (int user : new int[] {0, 7, 16, 29}) {
            float[] folded = scorer.foldIn(train.itemsOf(user), train.weightsOf(user));
            assertThat(folded).as("user %d folded in against Spark's item factors, against Spark's own user vector", user)
                    .containsExactly(factors.user(user), within(1e-3f));
        }
    }

    @Test
    void regParamGivesTheAveragePenaltyOfIals() {
        AlsWrPenalty penalty = AlsWrPenalty.matching(SETTINGS.lambda(), train);
        assertThat(penalty.meanPositives()).as("120 positives over 30 users and 10 items, counted from both sides")
                .isCloseTo(6.0, within(1e-9));
        assertThat(penalty.regParam()).as("regParam for λ=0.6").isCloseTo(REG_PARAM, within(1e-6f));
    }

    @Test
    void stopsSparkCompletely() {
        assertThat(sparkThreadsLeft).as("non-daemon threads Spark left running, which would keep the JVM alive").isEmpty();
        assertThat(SparkSession.getDefaultSession().isDefined()).as("a default Spark session after the fit").isFalse();
        assertThat(SparkSession.getActiveSession().isDefined()).as("an active Spark session after the fit").isFalse();
    }

    /** User u takes four of its taste's five items, leaving out item u mod 5 of that taste. */
    private static Interactions twoTastes() {
        Interactions.Builder b = Interactions.builder(USERS, ITEMS);
        for (int u = 0; u < USERS; u++) {
            int first = u < USERS / 2 ? 0 : 5;
            for (int i = 0; i < 5; i++) {
                if (i != u % 5) {
                    b.add(u, first + i, 1f);
                }
            }
        }
        return b.build();
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }
}
