package org.pando.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Lorenz curve of how impressions are shared among creators: sorted from the least shown, the share of all
 * impressions (y) that the least shown share of creators (x) receive. The diagonal is perfect equality.
 *
 * @param points the curve from (0, 0) to (1, 1), at most {@value #MAX_POINTS} points
 */
public record Lorenz(List<Point> points) {
    static final int MAX_POINTS = 101;

    /** A point of the curve. */
    public record Point(double creators, double impressions) {
    }

    /** The curve of these counts. */
    public static Lorenz of(long[] counts) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        double total = Arrays.stream(sorted).sum();
        int n = sorted.length;
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0));
        if (n == 0 || total == 0) {
            points.add(new Point(1, 1));
            return new Lorenz(points);
        }
        int step = Math.max(1, (int) Math.ceil(n / (double) (MAX_POINTS - 1)));
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += sorted[i];
            if ((i + 1) % step == 0 || i == n - 1) {
                points.add(new Point((i + 1) / (double) n, cumulative / total));
            }
        }
        return new Lorenz(List.copyOf(points));
    }

    /**
     * Where a creator with {@code impressions} stands: the share of creators shown less, and the share of all
     * impressions that they and this creator receive together.
     */
    public static Point standing(long[] counts, long impressions) {
        double total = Arrays.stream(counts).sum();
        long below = Arrays.stream(counts).filter(c -> c < impressions).count();
        long belowSum = Arrays.stream(counts).filter(c -> c < impressions).sum();
        return new Point(counts.length == 0 ? 0 : below / (double) counts.length,
                total == 0 ? 0 : (belowSum + impressions) / total);
    }
}
