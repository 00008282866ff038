package org.pando.recommend.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts that fade with a half-life, kept by forward decay (Cormode et al.): an increment at time t is stored
 * as {@code w · 2^((t − base) / h)}, so one stored number per key orders every key at any later time and the
 * value now is the stored one times {@code 2^(−(now − base) / h)}. Thread-safe.
 */
final class DecayedCounters {
    private static final double RESCALE_EXPONENT = 400;
    private static final long RESORT_MILLIS = 1000;
    /** Below this many keys the order is re-sorted after every change, so small instances see it at once. */
    private static final int TOP_EXACT = 2000;

    private final double halfLifeMillis;
    private final Map<String, Double> stored = new HashMap<>();
    private long baseMillis = -1;
    private List<Map.Entry<String, Double>> sorted = List.of();
    private long sortedAtMillis;
    private boolean sortedStale = true;

    DecayedCounters(Duration halfLife) {
        this.halfLifeMillis = halfLife.toMillis();
    }

    synchronized void add(String key, double weight, Instant at) {
        long t = at.toEpochMilli();
        if (baseMillis < 0) {
            baseMillis = t;
        }
        double exponent = (t - baseMillis) / halfLifeMillis;
        if (exponent > RESCALE_EXPONENT) {
            rebase(t);
            exponent = 0;
        }
        stored.merge(key, weight * Math.pow(2, exponent), Double::sum);
        if (sorted.size() < TOP_EXACT) {
            sortedStale = true;
        }
    }

    /** The decayed count of a key at {@code now}. */
    synchronized double value(String key, Instant now) {
        Double s = stored.get(key);
        return s == null ? 0 : s * Math.pow(2, -(now.toEpochMilli() - baseMillis) / halfLifeMillis);
    }

    /**
     * The {@code limit} largest keys with their decayed counts at {@code now}, largest first. The order is
     * re-sorted at most once a second; counts are read fresh.
     */
    synchronized List<Map.Entry<String, Double>> top(int limit, Instant now) {
        long t = now.toEpochMilli();
        if (sortedStale || t - sortedAtMillis > RESORT_MILLIS || t < sortedAtMillis) {
            List<Map.Entry<String, Double>> entries = new ArrayList<>(stored.entrySet());
            entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            sorted = entries.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
            sortedAtMillis = t;
            sortedStale = false;
        }
        List<Map.Entry<String, Double>> top = new ArrayList<>(Math.min(limit, sorted.size()));
        for (Map.Entry<String, Double> e : sorted.subList(0, Math.min(limit, sorted.size()))) {
            top.add(Map.entry(e.getKey(), value(e.getKey(), now)));
        }
        return top;
    }

    /** Every key's decayed count at {@code now}. */
    synchronized Map<String, Double> all(Instant now) {
        double scale = Math.pow(2, -(now.toEpochMilli() - baseMillis) / halfLifeMillis);
        Map<String, Double> values = new HashMap<>();
        stored.forEach((k, v) -> values.put(k, v * scale));
        return values;
    }

    private void rebase(long t) {
        double scale = Math.pow(2, -(t - baseMillis) / halfLifeMillis);
        stored.replaceAll((k, v) -> v * scale);
        stored.values().removeIf(v -> v < 1e-9);
        baseMillis = t;
        sortedStale = true;
    }
}
