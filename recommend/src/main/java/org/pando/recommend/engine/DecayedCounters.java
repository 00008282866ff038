package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts that fade with a half-life, kept by forward decay (Cormode et al.): an increment at time t is stored
 * as {@code w · 2^((t − base) / h)}, so one stored number per key orders every key at any later time and the
 * value now is the stored one times {@code 2^(−(now − base) / h)}. Thread-safe: adding is serialised, reading takes
 * no lock (a read racing the rare rebase, every few hundred half-lives, may see one value off once).
 *
 * <p>While there are few keys ({@value #TOP_EXACT} or fewer) the order is sorted again after every change, so a small
 * instance sees a change at once. Beyond that it is sorted again at most once a second (every five seconds once there
 * are more keys than an order holds), by one reader while the others go on with the previous order, so no request
 * waits for a sort of every key.
 */
final class DecayedCounters {
    private static final double RESCALE_EXPONENT = 400;
    private static final long RESORT_MILLIS = 1000;
    private static final long LARGE_RESORT_MILLIS = 5000;
    /** Up to this many keys the order is sorted again after every change, so small instances see it at once. */
    private static final int TOP_EXACT = 2000;
    /** Fewest keys an order holds; more when a reader asks for more. */
    private static final int MIN_ORDER = 1024;

    /** The largest keys, largest first: all of them, or the first {@code keys.size()} when {@code partial}. */
    private record Order(List<Map.Entry<String, Double>> keys, boolean partial, long sortedAtMillis, boolean stale) {
        Order staled() {
            return new Order(keys, partial, sortedAtMillis, true);
        }

        boolean holds(int limit) {
            return !partial || keys.size() >= limit;
        }
    }

    private final double halfLifeMillis;
    private final Map<String, Double> stored = new ConcurrentHashMap<>();
    /** The sum of every stored number, so the total needs no pass over the keys. */
    private volatile double storedTotal;
    private volatile long baseMillis = -1;
    private volatile Order order = new Order(List.of(), false, 0, true);
    private final AtomicBoolean sorting = new AtomicBoolean();

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
        double increment = weight * Math.pow(2, exponent);
        stored.merge(key, increment, Double::sum);
        storedTotal += increment;
        Order current = order;
        if (!current.stale() && few()) {
            order = current.staled();
        }
    }

    /** Writes the stored numbers and their base, for a checkpoint. */
    synchronized void writeTo(DataOutput out) throws IOException {
        out.writeLong(baseMillis);
        out.writeDouble(storedTotal);
        StateIO.writeWeights(out, stored);
    }

    /** Reads what {@link #writeTo} wrote into these empty counters. */
    synchronized void readFrom(DataInput in) throws IOException {
        baseMillis = in.readLong();
        storedTotal = in.readDouble();
        StateIO.readWeights(in, stored);
        order = new Order(List.of(), false, 0, true);
    }

    /** The decayed count of a key at {@code now}. */
    double value(String key, Instant now) {
        Double s = stored.get(key);
        return s == null ? 0 : s * scale(now);
    }

    /** The sum of every key's decayed count at {@code now}. */
    double total(Instant now) {
        return storedTotal * scale(now);
    }

    /**
     * The {@code limit} largest keys with their decayed counts at {@code now}, largest first. The order is
     * re-sorted at most once a second (every five seconds beyond what an order holds, after every change while there are
     * few keys); counts are read fresh.
     */
    List<Map.Entry<String, Double>> top(int limit, Instant now) {
        long t = now.toEpochMilli();
        Order current = order;
        long interval = current.partial() ? LARGE_RESORT_MILLIS : RESORT_MILLIS;
        boolean due = current.stale() || t - current.sortedAtMillis() > interval || t < current.sortedAtMillis();
        if ((due && few()) || !current.holds(limit)) {
            current = sort(t, limit);
        } else if (due && sorting.compareAndSet(false, true)) {
            try {
                current = sort(t, Math.max(limit, current.keys().size()));
            } finally {
                sorting.set(false);
            }
        }
        List<Map.Entry<String, Double>> top = new ArrayList<>(Math.min(limit, current.keys().size()));
        double scale = scale(now);
        for (Map.Entry<String, Double> e : current.keys().subList(0, Math.min(limit, current.keys().size()))) {
            top.add(Map.entry(e.getKey(), stored.getOrDefault(e.getKey(), 0.0) * scale));
        }
        return top;
    }

    /**
     * Copies the stored numbers and picks the largest {@code limit} (at least
     * {@value #MIN_ORDER}) in order, keeping the smallest of them at the head of a heap.
     */
    private Order sort(long t, int limit) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(stored.size());
        stored.forEach((k, v) -> entries.add(Map.entry(k, v)));
        int keep = Math.max(limit, MIN_ORDER);
        Comparator<Map.Entry<String, Double>> ascending = Map.Entry.comparingByValue();
        List<Map.Entry<String, Double>> largest;
        if (entries.size() <= keep) {
            largest = entries;
        } else {
            PriorityQueue<Map.Entry<String, Double>> heap = new PriorityQueue<>(keep, ascending);
            for (Map.Entry<String, Double> e : entries) {
                if (heap.size() < keep) {
                    heap.add(e);
                } else if (e.getValue() > heap.peek().getValue()) {
                    heap.poll();
                    heap.add(e);
                }
            }
            largest = new ArrayList<>(heap);
        }
        largest.sort(ascending.reversed());
        Order sorted = new Order(List.copyOf(largest), entries.size() > keep, t, false);
        order = sorted;
        return sorted;
    }

    /** Whether there are so few keys that sorting them all is cheap. */
    private boolean few() {
        return stored.size() <= TOP_EXACT;
    }

    private double scale(Instant now) {
        return Math.pow(2, -(now.toEpochMilli() - baseMillis) / halfLifeMillis);
    }

    private void rebase(long t) {
        double scale = Math.pow(2, -(t - baseMillis) / halfLifeMillis);
        stored.replaceAll((k, v) -> v * scale);
        stored.values().removeIf(v -> v < 1e-9);
        storedTotal = stored.values().stream().mapToDouble(Double::doubleValue).sum();
        baseMillis = t;
        order = order.staled();
    }
}
