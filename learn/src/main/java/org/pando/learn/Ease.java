package org.pando.learn;

import java.util.Arrays;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", 2019): an item-item weight matrix
 * {@code B} with a zero diagonal that best reconstructs each user's history, in closed form:
 * {@code P = (XᵀX + λI)⁻¹}, {@code B = I − P · diag(1 / diag(P))}. A user's scores are their history times
 * {@code B}.
 *
 * <p>Memory is n² floats for n items (6.7 GB for Gowalla's 41k): callers restrict the catalogue to the
 * active items when that is too much. Time is dominated by the n³ inverse, done by LAPACK.
 */
public final class Ease implements ItemScorer {
    private final DenseSymmetric weights;

    private Ease(DenseSymmetric weights) {
        this.weights = weights;
    }

    public static Ease fit(Interactions train, float lambda, Progress progress) {
        int n = train.items();
        float[] m = new DenseSymmetric(n).values;
        for (int u = 0; u < train.users(); u++) {
            int start = train.start(u);
            int end = train.end(u);
            int[] items = new int[end - start];
            float[] weights = new float[end - start];
            for (int e = start; e < end; e++) {
                items[e - start] = train.item(e);
                weights[e - start] = train.weight(e);
            }
            addToGram(m, n, items, weights);
            if (u % 2000 == 0) {
                progress.report("gram matrix", (double) u / train.users());
            }
        }
        return ofGram(n, m, lambda, progress);
    }

    /**
     * Adds one user's products to a Gram matrix ({@code n} x {@code n} floats, row-major): for every pair of their
     * items, the product of the two weights. {@link #ofGram} turns the sum over all users into the model.
     */
    public static void addToGram(float[] gram, int n, int[] items, float[] weights) {
        for (int a = 0; a < items.length; a++) {
            int row = items[a] * n;
            float wa = weights[a];
            for (int b = 0; b < items.length; b++) {
                gram[row + items[b]] += wa * weights[b];
            }
        }
    }

    /**
     * The model from a Gram matrix summed elsewhere ({@code n} x {@code n} floats, row-major: the sum over users of
     * their weights' products, as {@link #fit} sums them), which becomes the weights in place.
     */
    public static Ease ofGram(int n, float[] gram, float lambda, Progress progress) {
        DenseSymmetric g = new DenseSymmetric(n, gram);
        float[] m = gram;
        for (int i = 0; i < n; i++) {
            m[i * n + i] += lambda;
        }
        progress.report("inverse (" + DenseSymmetric.lapackName() + ")", 0);
        g.invertInPlace();
        progress.report("inverse (" + DenseSymmetric.lapackName() + ")", 1);
        float[] diagonal = new float[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = m[j * n + j];
        }
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                m[row + j] = -m[row + j] / diagonal[j];
            }
            m[row + i] = 0f;
        }
        return new Ease(g);
    }

    /**
     * A model over weights learned elsewhere or kept from an earlier fit: {@code n} x {@code n} floats, row-major, as
     * {@link #weight} reads them.
     */
    public static Ease ofWeights(int n, float[] weights) {
        if (weights.length != n * n) {
            throw new IllegalArgumentException(weights.length + " weights are not " + n + " x " + n);
        }
        DenseSymmetric w = new DenseSymmetric(n);
        System.arraycopy(weights, 0, w.values, 0, weights.length);
        return new Ease(w);
    }

    @Override
    public int items() {
        return weights.n;
    }

    @Override
    public void score(int[] history, float[] w, float[] out) {
        Arrays.fill(out, 0f);
        int n = weights.n;
        float[] m = weights.values;
        for (int h = 0; h < history.length; h++) {
            int row = history[h] * n;
            float weight = w[h];
            for (int j = 0; j < n; j++) {
                out[j] += weight * m[row + j];
            }
        }
    }

    /** The learned weight of item {@code i} for item {@code j}; zero on the diagonal. */
    public float weight(int i, int j) {
        return weights.values[i * weights.n + j];
    }
}
