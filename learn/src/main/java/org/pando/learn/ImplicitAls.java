package org.pando.learn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Implicit-feedback matrix factorisation (Hu, Koren and Volinsky, 2008): user and item vectors whose dot
 * products fit the preference 1 for observed pairs with confidence {@code 1 + α·weight} and 0 elsewhere
 * with confidence 1, under an L2 penalty λ, which may grow with a row's number of interactions as in ALS-WR
 * (Zhou et al., 2008): {@code λ·(n/n̄)^ν}, n̄ the mean over rows, so that ν = 0 is the plain penalty and the
 * average penalty stays λ. Each half-step solves every row's k x k normal equation by a
 * few conjugate-gradient steps started from the previous solution (Takács et al., 2011), which costs
 * O(k² + nnz·k) per row instead of O(k³).
 *
 * <p>A user outside the training set, or one whose history just changed, is folded in with one exact k x k
 * solve against the item factors ({@link #foldIn}).
 */
public final class ImplicitAls implements ItemScorer {
    /**
     * Training settings.
     *
     * @param factors    k, the vector length
     * @param iterations alternating passes
     * @param alpha      confidence per unit of weight
     * @param lambda     L2 penalty
     * @param cgSteps    conjugate-gradient steps per row and half-step
     * @param seed       random seed of the initial factors
     * @param degreePower ν, how the penalty grows with a row's interactions: {@code λ·(n/n̄)^ν}; 0 for plain λ
     */
    public record Settings(int factors, int iterations, float alpha, float lambda, int cgSteps, long seed, float degreePower) {

        /** Settings with the plain penalty, the same for every row. */
        public Settings(int factors, int iterations, float alpha, float lambda, int cgSteps, long seed) {
            this(factors, iterations, alpha, lambda, cgSteps, seed, 0f);
        }

        /** The penalty of a row with {@code n} interactions where rows have {@code mean} on average. */
        float penalty(int n, double mean) {
            return degreePower == 0 ? lambda : (float) (lambda * Math.pow(Math.max(1, n) / mean, degreePower));
        }
    }

    private static final int[] NONE = new int[0];

    private final int k;
    private final float alpha;
    private final Settings penalty;
    private final double meanUserDegree;
    private final float[] itemFactors;
    private final float[] itemGram;
    /** The item factors in bytes, for {@link #best}; made at its first call. */
    private volatile ByteFactors bytes;

    private ImplicitAls(int k, float alpha, Settings penalty, double meanUserDegree, float[] itemFactors) {
        this.k = k;
        this.alpha = alpha;
        this.penalty = penalty;
        this.meanUserDegree = meanUserDegree;
        this.itemFactors = itemFactors;
        this.itemGram = gram(itemFactors, k);
    }

    /**
     * A model over item factors learned elsewhere (row-major, {@code k} floats per item; an item without
     * interactions may be all zeros), whose users are folded in with this class's exact solve.
     */
    public static ImplicitAls ofItemFactors(float[] itemFactors, int k, float alpha, float lambda) {
        if (k <= 0 || itemFactors.length % k != 0) {
            throw new IllegalArgumentException(itemFactors.length + " item factor values are not rows of " + k);
        }
        return new ImplicitAls(k, alpha, new Settings(k, 0, alpha, lambda, 0, 0), 1, itemFactors.clone());
    }

    /** Fits on every core. */
    public static ImplicitAls fit(Interactions train, Settings s, Progress progress) {
        return fit(train, s, progress, Parallel.threads());
    }

    /** Fits on {@code threads} threads, so that a server fitting beside its requests can leave them a core. */
    public static ImplicitAls fit(Interactions train, Settings s, Progress progress, int threads) {
        int k = s.factors();
        SplittableRandom random = new SplittableRandom(s.seed());
        float scale = (float) (0.1 / Math.sqrt(k));
        float[] users = new float[train.users() * k];
        float[] items = new float[train.items() * k];
        for (int i = 0; i < items.length; i++) {
            items[i] = (float) (random.nextGaussian() * scale);
        }
        Interactions byItem = train.transpose();
        for (int it = 0; it < s.iterations(); it++) {
            halfStep(train, items, users, s, threads);
            halfStep(byItem, users, items, s, threads);
            progress.report("iALS iterations", (double) (it + 1) / s.iterations());
        }
        return new ImplicitAls(k, s.alpha(), s, meanDegree(train), items);
    }

    private static double meanDegree(Interactions rows) {
        return rows.users() == 0 ? 1 : Math.max(1.0, (double) rows.end(rows.users() - 1) / rows.users());
    }

    /** Solves every row of {@code rows} for {@code solved}, holding {@code fixed}. */
    private static void halfStep(Interactions rows, float[] fixed, float[] solved, Settings s, int threads) {
        int k = s.factors();
        float[] gram = gram(fixed, k);
        double mean = meanDegree(rows);
        ThreadLocal<float[][]> scratch = ThreadLocal.withInitial(() -> new float[4][k]);
        Parallel.forEach(rows.users(), threads, row -> {
            float[][] v = scratch.get();
            float lambda = s.penalty(rows.end(row) - rows.start(row), mean);
            conjugateGradient(rows, row, fixed, gram, solved, row * k, s, lambda, v[0], v[1], v[2], v[3]);
        });
    }

    /**
     * A few CG steps on {@code (G + λI + Σ (c−1) y yᵀ) x = Σ c y}, from the current {@code x}. The matrix is
     * never formed: products go through the shared Gram matrix and the row's own items.
     */
    private static void conjugateGradient(Interactions rows, int row, float[] fixed, float[] gram, float[] solved, int at,
            Settings s, float lambda, float[] r, float[] p, float[] ap, float[] x) {
        int k = s.factors();
        System.arraycopy(solved, at, x, 0, k);
        multiply(rows, row, fixed, gram, x, r, k, s.alpha(), lambda);
        Arrays.fill(p, 0f);
        for (int e = rows.start(row); e < rows.end(row); e++) {
            float c = 1 + s.alpha() * rows.weight(e);
            int base = rows.item(e) * k;
            for (int f = 0; f < k; f++) {
                p[f] += c * fixed[base + f];
            }
        }
        for (int f = 0; f < k; f++) {
            r[f] = p[f] - r[f];
            p[f] = r[f];
        }
        double rr = dot(r, r, k);
        for (int step = 0; step < s.cgSteps() && rr > 1e-10; step++) {
            multiply(rows, row, fixed, gram, p, ap, k, s.alpha(), lambda);
            double pap = dot(p, ap, k);
            if (pap <= 0) {
                break;
            }
            float a = (float) (rr / pap);
            for (int f = 0; f < k; f++) {
                x[f] += a * p[f];
                r[f] -= a * ap[f];
            }
            double next = dot(r, r, k);
            float beta = (float) (next / rr);
            for (int f = 0; f < k; f++) {
                p[f] = r[f] + beta * p[f];
            }
            rr = next;
        }
        System.arraycopy(x, 0, solved, at, k);
    }

    /** {@code out = (G + λI) v + Σ (c−1) y (yᵀ v)} over the row's items. */
    private static void multiply(Interactions rows, int row, float[] fixed, float[] gram, float[] v, float[] out, int k,
            float alpha, float lambda) {
        for (int a = 0; a < k; a++) {
            double sum = lambda * v[a];
            int base = a * k;
            for (int b = 0; b < k; b++) {
                sum += gram[base + b] * v[b];
            }
            out[a] = (float) sum;
        }
        for (int e = rows.start(row); e < rows.end(row); e++) {
            float extra = alpha * rows.weight(e);
            int base = rows.item(e) * k;
            double yv = 0;
            for (int f = 0; f < k; f++) {
                yv += fixed[base + f] * v[f];
            }
            float coefficient = (float) (extra * yv);
            for (int f = 0; f < k; f++) {
                out[f] += coefficient * fixed[base + f];
            }
        }
    }

    private static float[] gram(float[] factors, int k) {
        int rows = factors.length / k;
        double[] sums = new double[k * k];
        for (int r = 0; r < rows; r++) {
            int base = r * k;
            for (int a = 0; a < k; a++) {
                double fa = factors[base + a];
                int out = a * k;
                for (int b = a; b < k; b++) {
                    sums[out + b] += fa * factors[base + b];
                }
            }
        }
        float[] gram = new float[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                gram[a * k + b] = (float) sums[a * k + b];
                gram[b * k + a] = (float) sums[a * k + b];
            }
        }
        return gram;
    }

    private static double dot(float[] a, float[] b, int k) {
        double sum = 0;
        for (int f = 0; f < k; f++) {
            sum += a[f] * b[f];
        }
        return sum;
    }

    /**
     * The user vector that exactly minimises the loss for this history with the item factors held: one k x k
     * Cholesky solve of {@code (YᵀY + λI + Σ α·w y yᵀ) x = Σ (1 + α·w) y}.
     */
    public float[] foldIn(int[] history, float[] weights) {
        return foldIn(history, weights, penalty.penalty(history.length, meanUserDegree));
    }

    /**
     * {@link #foldIn(int[], float[])} with another L2 penalty, for models that vary it per user (such as
     * Spark's ALS, which scales it by the user's number of positives).
     */
    public float[] foldIn(int[] history, float[] weights, float lambda) {
        double[] a = new double[k * k];
        double[] b = new double[k];
        for (int i = 0; i < k * k; i++) {
            a[i] = itemGram[i];
        }
        for (int f = 0; f < k; f++) {
            a[f * k + f] += lambda;
        }
        for (int h = 0; h < history.length; h++) {
            int base = history[h] * k;
            double extra = alpha * weights[h];
            double c = 1 + extra;
            for (int x = 0; x < k; x++) {
                double yx = itemFactors[base + x];
                b[x] += c * yx;
                int row = x * k;
                for (int y = 0; y <= x; y++) {
                    a[row + y] += extra * yx * itemFactors[base + y];
                }
            }
        }
        return solveLowerCholesky(a, b, k);
    }

    /** Solves the symmetric positive-definite system whose lower triangle is in {@code a}. */
    private static float[] solveLowerCholesky(double[] a, double[] b, int k) {
        for (int j = 0; j < k; j++) {
            double diagonal = a[j * k + j];
            for (int p = 0; p < j; p++) {
                diagonal -= a[j * k + p] * a[j * k + p];
            }
            double l = Math.sqrt(Math.max(diagonal, 1e-12));
            a[j * k + j] = l;
            for (int i = j + 1; i < k; i++) {
                double sum = a[i * k + j];
                for (int p = 0; p < j; p++) {
                    sum -= a[i * k + p] * a[j * k + p];
                }
                a[i * k + j] = sum / l;
            }
        }
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = b[i];
            for (int p = 0; p < i; p++) {
                sum -= a[i * k + p] * y[p];
            }
            y[i] = sum / a[i * k + i];
        }
        float[] x = new float[k];
        double[] xs = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double sum = y[i];
            for (int p = i + 1; p < k; p++) {
                sum -= a[p * k + i] * xs[p];
            }
            xs[i] = sum / a[i * k + i];
            x[i] = (float) xs[i];
        }
        return x;
    }

    @Override
    public int items() {
        return itemFactors.length / k;
    }

    @Override
    public void score(int[] history, float[] weights, float[] out) {
        scoreVector(foldIn(history, weights), out);
    }

    /** The vector length k. */
    public int factors() {
        return k;
    }

    /** A copy of the item factors, row-major, {@code k} floats per item: what {@link #ofItemFactors} takes back. */
    public float[] itemFactors() {
        return itemFactors.clone();
    }

    /** The dot product of a user vector with one item's vector. */
    public float score(float[] user, int item) {
        return dot(user, item * k);
    }

    /** Dot products of a user vector with every item vector. */
    public void scoreVector(float[] user, float[] out) {
        int n = items();
        for (int i = 0; i < n; i++) {
            out[i] = dot(user, i * k);
        }
    }

    /**
     * The {@code limit} items with the largest dot products with {@code user}, best first, ties to the lower index: what
     * {@link TopK#select} picks from {@link #scoreVector}. It scans the items' byte copies ({@link ByteFactors}), a
     * quarter of the memory to read, then computes exact dot products only for the items whose approximate score could
     * still reach the {@code limit}-th best's lower bound.
     */
    public int[] best(float[] user, int limit) {
        int n = items();
        if (limit <= 0) {
            return NONE;
        }
        if (limit >= n) {
            float[] scores = new float[n];
            scoreVector(user, scores);
            return TopK.select(scores, limit, NONE);
        }
        ByteFactors quantised = byteFactors();
        float[] lower = new float[n];
        float bound = quantised.lowerBounds(user, lower);
        int[] sure = TopK.select(lower, limit, NONE);
        // the limit-th best exact score is at least this; less a little for the rounding of the lower bounds
        double floor = lower[sure[sure.length - 1]];
        floor -= Math.abs(floor) * 1e-5;
        int[] reachable = quantised.reaching(lower, bound, floor);
        int count = reachable.length;
        float[] exact = new float[count];
        for (int j = 0; j < count; j++) {
            exact[j] = dot(user, reachable[j] * k);
        }
        int[] top = TopK.select(exact, limit, NONE);
        for (int t = 0; t < top.length; t++) {
            top[t] = reachable[top[t]];
        }
        return top;
    }

    private ByteFactors byteFactors() {
        ByteFactors made = bytes;
        if (made == null) {
            synchronized (this) {
                made = bytes;
                if (made == null) {
                    made = ByteFactors.of(itemFactors, k);
                    bytes = made;
                }
            }
        }
        return made;
    }

    /**
     * The user vector's dot product with the item vector starting at {@code base}, summed in four independent
     * parts so that the processor overlaps the additions instead of waiting on each.
     */
    private float dot(float[] user, int base) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int f = 0;
        for (; f + 3 < k; f += 4) {
            s0 += user[f] * itemFactors[base + f];
            s1 += user[f + 1] * itemFactors[base + f + 1];
            s2 += user[f + 2] * itemFactors[base + f + 2];
            s3 += user[f + 3] * itemFactors[base + f + 3];
        }
        for (; f < k; f++) {
            s0 += user[f] * itemFactors[base + f];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
