package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The duration-debiased watch target (Kuaishou's D2Q): how a view's watch time ranks among views of videos
 * of similar length. Long videos are rarely finished and short ones often, so the raw watch ratio favours
 * short videos; the quantile within the duration bucket does not. Until a bucket has seen enough views the
 * watch ratio itself stands in. Thread-safe.
 */
final class WatchQuantiles {
    private static final long[] BUCKET_UPPER_MS = {10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000, Long.MAX_VALUE};
    private static final int BINS = 50;
    private static final int MIN_VIEWS = 20;

    private final long[][] histograms = new long[BUCKET_UPPER_MS.length][BINS];
    private final long[] totals = new long[BUCKET_UPPER_MS.length];

    synchronized void writeTo(DataOutput out) throws IOException {
        for (int b = 0; b < totals.length; b++) {
            out.writeLong(totals[b]);
            for (long count : histograms[b]) {
                out.writeLong(count);
            }
        }
    }

    synchronized void readFrom(DataInput in) throws IOException {
        for (int b = 0; b < totals.length; b++) {
            totals[b] = in.readLong();
            for (int bin = 0; bin < BINS; bin++) {
                histograms[b][bin] = in.readLong();
            }
        }
    }

    /** Adds one finished view. */
    synchronized void record(long durationMs, long watchedMs) {
        int bucket = bucket(durationMs);
        histograms[bucket][bin(durationMs, watchedMs)]++;
        totals[bucket]++;
    }

    /** The view's quantile among views of videos of its length, 0 to 1 (the middle of ties). */
    synchronized double quantile(long durationMs, long watchedMs) {
        int bucket = bucket(durationMs);
        double ratio = ratio(durationMs, watchedMs);
        if (totals[bucket] < MIN_VIEWS) {
            return ratio;
        }
        int bin = bin(durationMs, watchedMs);
        long below = 0;
        for (int b = 0; b < bin; b++) {
            below += histograms[bucket][b];
        }
        return (below + 0.5 * histograms[bucket][bin]) / totals[bucket];
    }

    private static int bucket(long durationMs) {
        int b = 0;
        while (durationMs > BUCKET_UPPER_MS[b]) {
            b++;
        }
        return b;
    }

    private static double ratio(long durationMs, long watchedMs) {
        return durationMs <= 0 ? 0 : Math.min(1.0, Math.max(0, (double) watchedMs / durationMs));
    }

    private static int bin(long durationMs, long watchedMs) {
        return Math.min(BINS - 1, (int) (ratio(durationMs, watchedMs) * BINS));
    }
}
