package org.pando.learn;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Arrays;

/**
 * A training-free graph filter over the normalised interaction matrix, after the blurring-sharpening
 * process of Choi et al. ("Blurring-Sharpening Process Models for Collaborative Filtering", SIGIR 2023).
 *
 * <p>With {@code R̃ = D_U^-½ R D_I^-½} and the item graph {@code P̃ = R̃ᵀR̃}, a user's row {@code r} is
 * <ol>
 *   <li>blurred by one Euler step of the heat equation {@code dr/dt = r P̃ − r}, giving {@code r P̃};</li>
 *   <li>joined by an ideal low-pass view, {@code β · r D_I^-½ V Vᵀ D_I^½}, where {@code V} holds the leading
 *   right singular vectors of {@code R̃};</li>
 *   <li>sharpened by one Runge-Kutta-4 step of length {@code T} of {@code dr/dt = −r P̃}, which for this
 *   linear equation is the polynomial {@code x (I − TP̃ + T²P̃²/2 − T³P̃³/6 + T⁴P̃⁴/24)}.</li>
 * </ol>
 * Nothing is stored but {@code R̃} and {@code V}; every product with {@code P̃} goes through the sparse
 * {@code R̃}, so a new or changed user is scored at once.
 */
public final class BlurSharpen implements ItemScorer {
    /**
     * @param factors         singular vectors in the ideal low-pass view
     * @param idealWeight     β, the weight of that view
     * @param sharpenTime     T, the length of the sharpening step
     * @param oversample      extra random directions of the randomized SVD
     * @param powerIterations power iterations of the randomized SVD
     * @param seed            its random seed
     */
    public record Settings(int factors, float idealWeight, float sharpenTime, int oversample, int powerIterations, long seed) {
    }

    private final Interactions normalised;
    private final Interactions normalisedByItem;
    private final float[] itemScaleDown;
    private final float[] itemScaleUp;
    private final RandomizedSvd.Result svd;
    private final Settings settings;

    private BlurSharpen(Interactions normalised, float[] down, float[] up, RandomizedSvd.Result svd, Settings settings) {
        this.normalised = normalised;
        this.normalisedByItem = normalised.transpose();
        this.itemScaleDown = down;
        this.itemScaleUp = up;
        this.svd = svd;
        this.settings = settings;
    }

    public static BlurSharpen fit(Interactions train, Settings s, Progress progress) {
        float[] userDegree = new float[train.users()];
        float[] itemDegree = new float[train.items()];
        for (int u = 0; u < train.users(); u++) {
            for (int e = train.start(u); e < train.end(u); e++) {
                userDegree[u] += train.weight(e);
                itemDegree[train.item(e)] += train.weight(e);
            }
        }
        float[] down = new float[train.items()];
        float[] up = new float[train.items()];
        for (int i = 0; i < down.length; i++) {
            down[i] = itemDegree[i] > 0 ? (float) (1 / Math.sqrt(itemDegree[i])) : 0f;
            up[i] = itemDegree[i] > 0 ? (float) Math.sqrt(itemDegree[i]) : 0f;
        }
        Interactions.Builder b = Interactions.builder(train.users(), train.items());
        for (int u = 0; u < train.users(); u++) {
            float du = userDegree[u] > 0 ? (float) (1 / Math.sqrt(userDegree[u])) : 0f;
            for (int e = train.start(u); e < train.end(u); e++) {
                b.add(u, train.item(e), train.weight(e) * du * down[train.item(e)]);
            }
        }
        Interactions normalised = b.build();
        RandomizedSvd.Result svd = RandomizedSvd.rightVectors(normalised, s.factors(), s.oversample(), s.powerIterations(),
                s.seed(), progress);
        return new BlurSharpen(normalised, down, up, svd, s);
    }

    @Override
    public int items() {
        return normalised.items();
    }

    @Override
    public void score(int[] history, float[] weights, float[] out) {
        int n = items();
        float[] userSpace = new float[normalised.users()];
        // Blurring: r P̃ through R̃, starting from the sparse history.
        for (int h = 0; h < history.length; h++) {
            int item = history[h];
            for (int e = normalisedByItem.start(item); e < normalisedByItem.end(item); e++) {
                userSpace[normalisedByItem.item(e)] += weights[h] * normalisedByItem.weight(e);
            }
        }
        float[] start = new float[n];
        spreadToItems(userSpace, start);
        addIdealLowPass(history, weights, start);
        sharpen(start, out);
    }

    /** x (I − TP̃ + T²P̃²/2 − T³P̃³/6 + T⁴P̃⁴/24), one RK4 step of dr/dt = −r P̃; x is used as scratch. */
    private void sharpen(float[] x, float[] out) {
        float t = settings.sharpenTime();
        float[] coefficients = {-t, t * t / 2, -t * t * t / 6, t * t * t * t / 24};
        System.arraycopy(x, 0, out, 0, x.length);
        float[] power = x;
        float[] next = new float[x.length];
        float[] userSpace = new float[normalised.users()];
        for (float coefficient : coefficients) {
            multiplyByGraph(power, next, userSpace);
            for (int i = 0; i < out.length; i++) {
                out[i] += coefficient * next[i];
            }
            float[] previous = power;
            power = next;
            next = previous;
        }
    }

    /** out = x P̃ = (x R̃ᵀ) R̃. */
    private void multiplyByGraph(float[] x, float[] out, float[] userSpace) {
        for (int u = 0; u < normalised.users(); u++) {
            float sum = 0;
            for (int e = normalised.start(u); e < normalised.end(u); e++) {
                sum += normalised.weight(e) * x[normalised.item(e)];
            }
            userSpace[u] = sum;
        }
        Arrays.fill(out, 0f);
        spreadToItems(userSpace, out);
    }

    /** out += userSpace R̃. */
    private void spreadToItems(float[] userSpace, float[] out) {
        for (int u = 0; u < normalised.users(); u++) {
            float value = userSpace[u];
            if (value == 0f) {
                continue;
            }
            for (int e = normalised.start(u); e < normalised.end(u); e++) {
                out[normalised.item(e)] += value * normalised.weight(e);
            }
        }
    }

    /** out += β · r D^-½ V Vᵀ D^½. */
    private void addIdealLowPass(int[] history, float[] weights, float[] out) {
        int k = svd.k();
        float[] v = svd.vectors();
        float[] projected = new float[k];
        for (int h = 0; h < history.length; h++) {
            float w = weights[h] * itemScaleDown[history[h]];
            int base = history[h] * k;
            for (int f = 0; f < k; f++) {
                projected[f] += w * v[base + f];
            }
        }
        // V is items x k row-major, i.e. k x items column-major: V·projected is a transposed BLAS gemv.
        float[] lowPass = new float[out.length];
        BLAS.getInstance().sgemv("T", k, out.length, 1f, v, k, projected, 1, 0f, lowPass, 1);
        float beta = settings.idealWeight();
        for (int i = 0; i < out.length; i++) {
            out[i] += beta * lowPass[i] * itemScaleUp[i];
        }
    }
}
