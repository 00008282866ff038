package org.pando.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongUnaryOperator;
import org.pando.stats.StatsStore.MinuteViews;

/**
 * Forecasts a video's views in the next {@value #HORIZON} minutes from its last {@value #HISTORY}, with a linear
 * model fitted to the instance's own view curves: at anchors every {@value #STEP} minutes of every video's history,
 * the views of the last 5, 30 and 60 minutes against the views of the 30 that followed. The latest fifth of the
 * anchors is held out, and the model's mean absolute error on it is reported next to that of persistence (the
 * next 30 minutes repeat the last 30). With too little history the forecast is persistence itself.
 *
 * <pre>{@code
 * ViewForecast.Model model = ViewForecast.fit(store.viewsSince(now - 3 * 24 * 60), now);
 * double next = model.predict(lastHour);   // lastHour[59] is the latest minute
 * }</pre>
 */
public final class ViewForecast {
    /** Minutes ahead. */
    public static final int HORIZON = 30;
    /** Minutes of history a forecast reads. */
    public static final int HISTORY = 60;
    static final int STEP = 5;
    static final int MIN_TRAINING = 30;
    static final int MIN_HELD_OUT = 10;
    private static final double RIDGE = 1e-6;

    private ViewForecast() {
    }

    /**
     * A fitted forecast.
     *
     * @param weights     of the last 5 minutes' views times 6, the last 30 minutes', and the last 60 minutes' halved;
     *                    persistence is {@code (0, 1, 0)}
     * @param fitted      whether there was history enough to fit; otherwise this is persistence
     * @param trained     anchors fitted on
     * @param heldOut     anchors the errors were measured on
     * @param mae         mean absolute error in views on the held-out anchors (NaN without any)
     * @param baselineMae persistence's mean absolute error on the same anchors (NaN without any)
     */
    public record Model(double[] weights, boolean fitted, int trained, int heldOut, double mae, double baselineMae) {
        /** Views expected in the next {@value #HORIZON} minutes, from the last hour's views per minute (oldest first). */
        public double predict(long[] lastHour) {
            double[] x = features(lastHour, lastHour.length);
            double y = 0;
            for (int i = 0; i < x.length; i++) {
                y += weights[i] * x[i];
            }
            return Math.max(0, y);
        }
    }

    /** Fits the model to views per minute up to {@code nowMinute} (exclusive). */
    public static Model fit(List<MinuteViews> history, long nowMinute) {
        Map<String, TreeMap<Long, Long>> byVideo = new HashMap<>();
        for (MinuteViews m : history) {
            if (m.minute() < nowMinute) {
                byVideo.computeIfAbsent(m.videoId(), k -> new TreeMap<>()).merge(m.minute(), m.views(), Long::sum);
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (TreeMap<Long, Long> series : byVideo.values()) {
            Series s = new Series(series);
            for (long t : anchorsNear(series.keySet(), nowMinute)) {
                double[] x = {s.sum(t - 5, t) * 6.0, s.sum(t - 30, t), s.sum(t - HISTORY, t) / 2.0};
                samples.add(new Sample(t, x, s.sum(t, t + HORIZON)));
            }
        }
        samples.sort((a, b) -> Long.compare(a.minute, b.minute));
        int cut = samples.size() - Math.max(MIN_HELD_OUT, samples.size() / 5);
        double[] persistence = {0, 1, 0};
        if (cut < MIN_TRAINING) {
            return new Model(persistence, false, 0, samples.size(), meanError(persistence, samples),
                    meanError(persistence, samples));
        }
        List<Sample> training = samples.subList(0, cut);
        List<Sample> heldOut = samples.subList(cut, samples.size());
        double[] weights = leastSquares(training);
        return new Model(weights, true, training.size(), heldOut.size(), meanError(weights, heldOut),
                meanError(persistence, heldOut));
    }

    /** Views in each of the {@value #HISTORY} minutes up to and with {@code nowMinute}, oldest first. */
    public static long[] hourEnding(long nowMinute, LongUnaryOperator viewsAt) {
        long[] hour = new long[HISTORY];
        for (int i = 0; i < HISTORY; i++) {
            hour[i] = viewsAt.applyAsLong(nowMinute - HISTORY + 1 + i);
        }
        return hour;
    }

    /**
     * Views per minute ending with the last whole minute, from an hour whose last element is the minute under way:
     * the model was fitted on whole minutes, so a minute just begun must not pull the forecast down. The hour then
     * holds 59 known minutes and an empty first one.
     */
    public static long[] completeMinutes(long[] lastHourWithCurrent) {
        long[] complete = new long[lastHourWithCurrent.length];
        System.arraycopy(lastHourWithCurrent, 0, complete, 1, lastHourWithCurrent.length - 1);
        return complete;
    }

    /** Anchors, every {@value #STEP} minutes, whose past hour or next 30 minutes hold one of these minutes. */
    private static TreeSet<Long> anchorsNear(Set<Long> minutes, long nowMinute) {
        TreeSet<Long> anchors = new TreeSet<>();
        for (long m : minutes) {
            long first = Math.floorDiv(m - HORIZON, STEP) * STEP + STEP;
            for (long t = first; t <= m + HISTORY && t + HORIZON <= nowMinute; t += STEP) {
                anchors.add(t);
            }
        }
        return anchors;
    }

    /** Last 5 minutes times 6, last 30, last 60 halved: each a guess at the next 30 on its own. */
    static double[] features(long[] window, int length) {
        double last5 = 0;
        double last30 = 0;
        double last60 = 0;
        for (int i = 0; i < length; i++) {
            int age = length - i;
            if (age <= 5) {
                last5 += window[i];
            }
            if (age <= 30) {
                last30 += window[i];
            }
            last60 += window[i];
        }
        return new double[] {last5 * 6, last30, last60 / 2};
    }

    private static double[] leastSquares(List<Sample> samples) {
        double[][] a = new double[3][3];
        double[] b = new double[3];
        for (Sample s : samples) {
            for (int i = 0; i < 3; i++) {
                b[i] += s.x[i] * s.target;
                for (int j = 0; j < 3; j++) {
                    a[i][j] += s.x[i] * s.x[j];
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            a[i][i] += RIDGE * (1 + a[i][i]);
        }
        return solve(a, b);
    }

    /** Gaussian elimination with partial pivoting on a small system. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] row = a[col];
            a[col] = a[pivot];
            a[pivot] = row;
            double t = b[col];
            b[col] = b[pivot];
            b[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }

    private static double meanError(double[] weights, List<Sample> samples) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (Sample s : samples) {
            double y = 0;
            for (int i = 0; i < 3; i++) {
                y += weights[i] * s.x[i];
            }
            sum += Math.abs(Math.max(0, y) - s.target);
        }
        return sum / samples.size();
    }

    private record Sample(long minute, double[] x, long target) {
    }

    /** One video's views per minute, with sums over any span of minutes. */
    private static final class Series {
        private final long[] minutes;
        private final long[] cumulative;

        Series(TreeMap<Long, Long> views) {
            minutes = new long[views.size()];
            cumulative = new long[views.size() + 1];
            int i = 0;
            for (Map.Entry<Long, Long> e : views.entrySet()) {
                minutes[i] = e.getKey();
                cumulative[i + 1] = cumulative[i] + e.getValue();
                i++;
            }
        }

        /** Views from minute {@code from} to {@code to}, exclusive. */
        long sum(long from, long to) {
            return cumulative[before(to)] - cumulative[before(from)];
        }

        private int before(long minute) {
            int at = Arrays.binarySearch(minutes, minute);
            return at >= 0 ? at : -at - 1;
        }
    }
}
