package org.pando.learn;

import java.util.Arrays;

/**
 * The Gini coefficient of how attention is shared: 0 when every item (or creator) gets the same number of
 * impressions, approaching 1 when one gets them all.
 *
 * <pre>{@code
 * double g = Gini.of(new long[] {5, 5, 5, 5}); // 0.0
 * }</pre>
 */
public final class Gini {
    private Gini() {
    }

    /** The coefficient of non-negative counts; 0 for no counts at all. */
    public static double of(long[] counts) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < sorted.length; i++) {
            total += sorted[i];
            weighted += (i + 1) * (double) sorted[i];
        }
        if (total == 0) {
            return 0;
        }
        int n = sorted.length;
        return (2 * weighted) / (n * total) - (n + 1.0) / n;
    }
}
