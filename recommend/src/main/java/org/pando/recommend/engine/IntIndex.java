package org.pando.recommend.engine;

import java.util.Arrays;

/**
 * Non-negative int keys numbered 0, 1, 2 … in the order they were added, found through an open-addressing
 * table of primitives (each slot holds its key beside its position, so a lookup touches one cache line),
 * and callers keep their values in plain arrays by position. Not thread-safe.
 */
final class IntIndex {
    private int[] table = new int[16];
    private int[] keys = new int[4];
    private int size;

    /** The key's position, or -1 when it was never added. */
    int positionOf(int key) {
        return table[slot(key) + 1] - 1;
    }

    /** The key's position, adding it at the end when new. */
    int add(int key) {
        int slot = slot(key);
        if (table[slot + 1] != 0) {
            return table[slot + 1] - 1;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size] = key;
        table[slot] = key;
        table[slot + 1] = ++size;
        if (size * 4 > table.length) {
            rehash();
        }
        return size - 1;
    }

    /** The key at a position. */
    int keyAt(int position) {
        return keys[position];
    }

    /** The keys in the order they were added: the first {@link #size} of the array, which is not to be changed. */
    int[] keys() {
        return keys;
    }

    int size() {
        return size;
    }

    /** The table index of the key's slot: its own, or the empty one it would take. */
    private int slot(int key) {
        int mask = (table.length >> 1) - 1;
        int h = key * 0x9E3779B9;
        int s = (h ^ (h >>> 16)) & mask;
        while (table[2 * s + 1] != 0 && table[2 * s] != key) {
            s = (s + 1) & mask;
        }
        return 2 * s;
    }

    private void rehash() {
        table = new int[table.length * 2];
        for (int p = 0; p < size; p++) {
            int slot = slot(keys[p]);
            table[slot] = keys[p];
            table[slot + 1] = p + 1;
        }
    }
}
