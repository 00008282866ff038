package org.pando.learn;

import java.util.Arrays;

/**
 * A sparse users x items matrix of interaction weights in compressed rows: the items of user {@code u} are
 * {@code items[rows[u]..rows[u+1])}, sorted, with their weights.
 *
 * <pre>{@code
 * Interactions.Builder b = Interactions.builder(3, 4);
 * b.add(0, 2, 1f);
 * b.add(1, 3, 1f);
 * Interactions x = b.build();
 * }</pre>
 */
public final class Interactions {
    private final int users;
    private final int itemCount;
    private final int[] rows;
    private final int[] items;
    private final float[] weights;

    private Interactions(int users, int itemCount, int[] rows, int[] items, float[] weights) {
        this.users = users;
        this.itemCount = itemCount;
        this.rows = rows;
        this.items = items;
        this.weights = weights;
    }

    public static Builder builder(int users, int items) {
        return new Builder(users, items);
    }

    public int users() {
        return users;
    }

    public int items() {
        return itemCount;
    }

    /** Number of stored (user, item) pairs. */
    public int size() {
        return items.length;
    }

    /** Index of the first entry of a user's row. */
    public int start(int user) {
        return rows[user];
    }

    /** Index after the last entry of a user's row. */
    public int end(int user) {
        return rows[user + 1];
    }

    /** The item of an entry. */
    public int item(int entry) {
        return items[entry];
    }

    /** The weight of an entry. */
    public float weight(int entry) {
        return weights[entry];
    }

    /** How many items the user has. */
    public int count(int user) {
        return rows[user + 1] - rows[user];
    }

    /** A copy of the user's items, sorted. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(items, rows[user], rows[user + 1]);
    }

    /** A copy of the user's weights, in the order of {@link #itemsOf}. */
    public float[] weightsOf(int user) {
        return Arrays.copyOfRange(weights, rows[user], rows[user + 1]);
    }

    /** Whether the user has the item. */
    public boolean has(int user, int item) {
        return Arrays.binarySearch(items, rows[user], rows[user + 1], item) >= 0;
    }

    /** How many users have each item. */
    public int[] itemDegrees() {
        int[] degrees = new int[itemCount];
        for (int item : items) {
            degrees[item]++;
        }
        return degrees;
    }

    /** The items x users matrix. */
    public Interactions transpose() {
        int[] counts = new int[itemCount + 1];
        for (int item : items) {
            counts[item + 1]++;
        }
        for (int i = 0; i < itemCount; i++) {
            counts[i + 1] += counts[i];
        }
        int[] next = Arrays.copyOf(counts, itemCount);
        int[] tUsers = new int[items.length];
        float[] tWeights = new float[items.length];
        for (int u = 0; u < users; u++) {
            for (int e = rows[u]; e < rows[u + 1]; e++) {
                int slot = next[items[e]]++;
                tUsers[slot] = u;
                tWeights[slot] = weights[e];
            }
        }
        return new Interactions(itemCount, users, counts, tUsers, tWeights);
    }

    /** Collects (user, item, weight) triples; a repeated pair keeps the largest weight. */
    public static final class Builder {
        private final int users;
        private final int items;
        private long[] keys = new long[1024];
        private float[] values = new float[1024];
        private int size;

        private Builder(int users, int items) {
            this.users = users;
            this.items = items;
        }

        public Builder add(int user, int item, float weight) {
            if (user < 0 || user >= users || item < 0 || item >= items) {
                throw new IllegalArgumentException("(" + user + ", " + item + ") is outside " + users + " x " + items);
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = ((long) user << 32) | item;
            values[size] = weight;
            size++;
            return this;
        }

        public Interactions build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            int[] rows = new int[users + 1];
            int[] cols = new int[size];
            float[] ws = new float[size];
            int n = 0;
            long last = -1;
            for (int index : order) {
                long key = keys[index];
                if (key == last) {
                    ws[n - 1] = Math.max(ws[n - 1], values[index]);
                    continue;
                }
                last = key;
                cols[n] = (int) key;
                ws[n] = values[index];
                rows[(int) (key >>> 32) + 1]++;
                n++;
            }
            for (int u = 0; u < users; u++) {
                rows[u + 1] += rows[u];
            }
            return new Interactions(users, items, rows, Arrays.copyOf(cols, n), Arrays.copyOf(ws, n));
        }
    }
}
