package org.pando.learn;

import java.util.Arrays;

/**
 * Item vectors quantised to one signed byte per factor, with one scale per item (its largest factor's magnitude over
 * 127), stored factor after factor. A scan of every item for one user reads a quarter of the bytes of the float
 * vectors, in loops the compiler turns into vector instructions, and gives each item an approximate score whose
 * distance from the exact one is at most {@code scale · Σ|user| / 2}: each stored factor is within half a step of the
 * true one. {@link ImplicitAls#best} rescores exactly only the items whose upper bound reaches the best lower bounds.
 */
final class ByteFactors {
    /** Items scanned together, so that their running scores stay in the first-level cache across the factors. */
    private static final int BLOCK = 4096;
    private static final float STEPS = 127;

    private final int k;
    private final int n;
    /** {@code values[f * n + i]}: factor f of item i, in steps of the item's scale. */
    private final byte[] values;
    private final float[] scales;

    private ByteFactors(int k, int n, byte[] values, float[] scales) {
        this.k = k;
        this.n = n;
        this.values = values;
        this.scales = scales;
    }

    /** Quantises item vectors stored row after row, {@code k} floats each. */
    static ByteFactors of(float[] rowMajor, int k) {
        int n = rowMajor.length / k;
        byte[] values = new byte[rowMajor.length];
        float[] scales = new float[n];
        for (int i = 0; i < n; i++) {
            float largest = 0;
            for (int f = 0; f < k; f++) {
                largest = Math.max(largest, Math.abs(rowMajor[i * k + f]));
            }
            float scale = largest / STEPS;
            scales[i] = scale;
            for (int f = 0; f < k && scale > 0; f++) {
                values[f * n + i] = (byte) Math.round(rowMajor[i * k + f] / scale);
            }
        }
        return new ByteFactors(k, n, values, scales);
    }

    /**
     * Every item's lower bound for its dot product with {@code user} into {@code lower}: its approximate score less
     * its error bound. Returns the bound per unit of scale, a hundredth above {@code Σ|user| / 2} for the rounding of
     * the float sums; an item's exact score is at most its lower bound plus twice that times its scale.
     */
    float lowerBounds(float[] user, float[] lower) {
        double magnitude = 0;
        for (int f = 0; f < k; f++) {
            magnitude += Math.abs(user[f]);
        }
        float bound = (float) (magnitude / 2 * 1.01);
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            Arrays.fill(lower, start, end, 0f);
            for (int f = 0; f < k; f++) {
                float u = user[f];
                int base = f * n;
                for (int i = start; i < end; i++) {
                    lower[i] += u * values[base + i];
                }
            }
            for (int i = start; i < end; i++) {
                lower[i] = (lower[i] - bound) * scales[i];
            }
        }
        return bound;
    }

    /**
     * The items whose upper bound, from {@link #lowerBounds} and the bound it returned, reaches {@code floor}, in
     * increasing order.
     */
    int[] reaching(float[] lower, float bound, double floor) {
        int[] found = new int[64];
        int count = 0;
        float twice = 2 * bound;
        for (int i = 0; i < n; i++) {
            if (lower[i] + twice * scales[i] >= floor) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, 2 * count);
                }
                found[count++] = i;
            }
        }
        return Arrays.copyOf(found, count);
    }
}
