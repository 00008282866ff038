package org.pando.recommend.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps that keep at most a number of entries, dropping the eldest first. Not thread-safe. */
final class Bounded {
    private Bounded() {
    }

    /** Keeps the {@code max} entries put most recently. */
    static <K, V> LinkedHashMap<K, V> newest(int max) {
        return map(max, false);
    }

    /** Keeps the {@code max} entries put or read most recently. */
    static <K, V> LinkedHashMap<K, V> recentlyUsed(int max) {
        return map(max, true);
    }

    private static <K, V> LinkedHashMap<K, V> map(int max, boolean accessOrder) {
        return new LinkedHashMap<>(16, 0.75f, accessOrder) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
