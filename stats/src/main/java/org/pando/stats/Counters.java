package org.pando.stats;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Additive counters by key, one {@code long} per column of {@code E}: what one table of totals gains from a run
 * of events. Not thread-safe.
 *
 * @param <K> what a row is about (a video, a video and a surface …)
 * @param <E> the columns
 */
public final class Counters<K, E extends Enum<E>> {
    private final int columns;
    private final Map<K, long[]> rows = new HashMap<>();

    Counters(Class<E> columns) {
        this.columns = columns.getEnumConstants().length;
    }

    void add(K key, E column, long amount) {
        rows.computeIfAbsent(key, k -> new long[columns])[column.ordinal()] += amount;
    }

    /** Each key's gains, indexed by the columns' ordinals. */
    public Map<K, long[]> rows() {
        return Collections.unmodifiableMap(rows);
    }

    /** Adds every gain of {@code other} to this. */
    void addAll(Counters<K, E> other) {
        other.rows.forEach((key, gains) -> {
            long[] row = rows.computeIfAbsent(key, k -> new long[columns]);
            for (int i = 0; i < columns; i++) {
                row[i] += gains[i];
            }
        });
    }
}
