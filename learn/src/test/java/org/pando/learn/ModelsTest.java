package org.pando.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each model against an answer worked out independently on a tiny matrix. */
class ModelsTest {
    /** Four users, four items; item 3 is nobody's. */
    private static final int[][] HISTORIES = {{0, 1}, {0, 1, 2}, {1, 2}, {0}};

    private static Interactions matrix() {
        Interactions.Builder b = Interactions.builder(4, 4);
        for (int u = 0; u < HISTORIES.length; u++) {
            for (int i : HISTORIES[u]) {
                b.add(u, i, 1f);
            }
        }
        return b.build();
    }

    @Test
    void easeMatchesItsClosedFormOnAFourByFourMatrix() {
        float lambda = 0.5f;
        Ease ease = Ease.fit(matrix(), lambda, Progress.NONE);

        double[][] g = new double[4][4];
        for (int[] h : HISTORIES) {
            for (int a : h) {
                for (int b : h) {
                    g[a][b] += 1;
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            g[i][i] += lambda;
        }
        double[][] p = inverse(g);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double expected = i == j ? 0 : -p[i][j] / p[j][j];
                assertThat((double) ease.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @Test
    void itemKnnIsCosineWithShrinkage() {
        ItemKnn knn = ItemKnn.fit(matrix(), 10, 1f, Progress.NONE);

        // items 0 and 1 share users 0 and 1; |U0| = 3, |U1| = 3: 2 / (3 + 1)
        int index = indexOf(knn.neighbours(0), 1);
        assertThat(knn.similarities(0)[index]).isCloseTo(0.5f, within(1e-6f));
        assertThat(knn.neighbours(0)).as("item 3 has no users, so no one's neighbour").doesNotContain(3);
        // item 1 shares two users with item 2 (|U2| = 2): 2 / (6^½ + 1) ≈ 0.58 beats item 0's 0.5
        assertThat(knn.neighbours(1)).as("item 1's neighbours, nearest first").startsWith(2, 0);
        assertThat(knn.similarities(1)[0]).isCloseTo((float) (2 / (Math.sqrt(6) + 1)), within(1e-6f));
    }

    @Test
    void implicitAlsFoldInSolvesTheUsersNormalEquationExactly() {
        ImplicitAls.Settings settings = new ImplicitAls.Settings(3, 8, 10f, 0.1f, 3, 7L);
        assertFoldInSolvesTheNormalEquation(settings, new int[] {0, 2}, settings.lambda());
    }

    @Test
    void aPenaltyGrowingWithTheHistoryIsScaledByTheMeanHistory() {
        ImplicitAls.Settings settings = new ImplicitAls.Settings(3, 8, 10f, 0.1f, 3, 7L, 1f);
        int positives = 0;
        for (int[] history : HISTORIES) {
            positives += history.length;
        }
        double mean = (double) positives / HISTORIES.length;
        assertThat(mean).as("a history of three is not the mean one").isNotEqualTo(3.0);
        assertFoldInSolvesTheNormalEquation(settings, new int[] {0, 1, 2}, (float) (settings.lambda() * 3 / mean));
    }

    /** Folds in a user of {@code history} and checks the vector against the normal equation with {@code lambda}. */
    private static void assertFoldInSolvesTheNormalEquation(ImplicitAls.Settings settings, int[] history, float lambda) {
        ImplicitAls als = ImplicitAls.fit(matrix(), settings, Progress.NONE);
        float[] weights = new float[history.length];
        Arrays.fill(weights, 1f);
        Set<Integer> held = Arrays.stream(history).boxed().collect(Collectors.toSet());

        float[] x = als.foldIn(history, weights);

        double[][] a = new double[3][3];
        double[] b = new double[3];
        float[][] y = new float[4][];
        for (int i = 0; i < 4; i++) {
            y[i] = itemVector(als, i);
        }
        for (int i = 0; i < 4; i++) {
            double c = held.contains(i) ? 1 + settings.alpha() : 1;
            for (int r = 0; r < 3; r++) {
                for (int s = 0; s < 3; s++) {
                    a[r][s] += c * y[i][r] * y[i][s];
                }
                if (c > 1) {
                    b[r] += c * y[i][r];
                }
            }
        }
        for (int r = 0; r < 3; r++) {
            a[r][r] += lambda;
        }
        double[] expected = multiply(inverse(a), b);
        for (int f = 0; f < 3; f++) {
            assertThat((double) x[f]).as("factor %d", f).isCloseTo(expected[f], within(1e-3));
        }
    }

    @Test
    void implicitAlsRecommendsFromTheSameTasteCluster() {
        // users 0-3 hold items of cluster {0, 1, 2}, users 4-7 of cluster {3, 4, 5}
        int[][] histories = {{0, 1}, {1, 2}, {0, 2}, {0, 1, 2}, {3, 4}, {4, 5}, {3, 5}, {3, 4, 5}};
        Interactions.Builder b = Interactions.builder(8, 6);
        for (int u = 0; u < histories.length; u++) {
            for (int i : histories[u]) {
                b.add(u, i, 1f);
            }
        }
        ImplicitAls als = ImplicitAls.fit(b.build(), new ImplicitAls.Settings(2, 15, 10f, 0.1f, 2, 1L), Progress.NONE);
        float[] scores = new float[6];
        als.score(new int[] {0}, new float[] {1f}, scores);

        assertThat(TopK.select(scores, 2, new int[] {0})).as("a new user of item 0: %s", Arrays.toString(scores))
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void topKSkipsExcludedItemsAndBreaksTiesByIndex() {
        float[] scores = {0.5f, 0.9f, 0.9f, 0.1f, 0.7f};

        assertThat(TopK.select(scores, 3, new int[] {})).containsExactly(1, 2, 4);
        assertThat(TopK.select(scores, 3, new int[] {1, 4})).containsExactly(2, 0, 3);
        assertThat(TopK.select(scores, 10, new int[] {0})).as("fewer than k").containsExactly(1, 2, 4, 3);
    }

    @Test
    void implicitAlsBestPicksWhatAFullScanPicks() {
        int k = 32;
        int n = 20_000;
        SplittableRandom random = new SplittableRandom(5);
        float[] factors = new float[n * k];
        for (int i = 0; i < factors.length; i++) {
            factors[i] = (float) random.nextGaussian();
        }
        // near-ties: a thousand copies of item 0, each moved by a hundred-thousandth, and one item all zeros
        for (int i = 1; i <= 1000; i++) {
            for (int f = 0; f < k; f++) {
                factors[i * k + f] = factors[f] + (float) (random.nextGaussian() * 1e-5);
            }
        }
        Arrays.fill(factors, 1001 * k, 1002 * k, 0f);
        ImplicitAls als = ImplicitAls.ofItemFactors(factors, k, 1f, 0.1f);
        float[] scores = new float[n];
        for (int u = 0; u < 30; u++) {
            float[] user = new float[k];
            for (int f = 0; f < k; f++) {
                user[f] = (float) (u % 3 == 0 ? factors[f] + random.nextGaussian() * 0.01 : random.nextGaussian());
            }
            als.scoreVector(user, scores);
            for (int limit : new int[] {1, 40, 500}) {
                assertThat(als.best(user, limit)).as("user %d, the best %d", u, limit)
                        .containsExactly(TopK.select(scores, limit, new int[0]));
            }
        }
        assertThat(als.best(new float[k], 3)).as("a user of zeros: every score ties at 0, lowest items first")
                .containsExactly(0, 1, 2);
        assertThat(als.best(new float[k], 0)).isEmpty();
    }

    @Test
    void mostPopularCountsUsers() {
        float[] scores = new float[4];
        MostPopular.fit(matrix()).score(new int[0], new float[0], scores);

        assertThat(scores).containsExactly(3f, 3f, 2f, 0f);
    }

    /** Item vector read back through scores against unit user vectors. */
    private static float[] itemVector(ImplicitAls als, int item) {
        float[] out = new float[als.items()];
        float[] result = new float[3];
        for (int f = 0; f < 3; f++) {
            float[] e = new float[3];
            e[f] = 1f;
            als.scoreVector(e, out);
            result[f] = out[item];
        }
        return result;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new AssertionError(value + " not among the neighbours");
    }

    /** Gauss-Jordan inverse, written here so the test does not trust the code it checks. */
    private static double[][] inverse(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double d = a[col][col];
            for (int c = 0; c < 2 * n; c++) {
                a[col][c] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col];
                    for (int c = 0; c < 2 * n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += m[i][j] * v[j];
            }
        }
        return out;
    }
}
