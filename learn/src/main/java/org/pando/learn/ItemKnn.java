package org.pando.learn;

import java.util.Arrays;

/**
 * Item-based nearest neighbours: two items are similar when the same users have both, by cosine with
 * shrinkage, {@code |U_i ∩ U_j| / (|U_i|^½ |U_j|^½ + shrink)}; each item keeps its most similar neighbours.
 * A user's score for an item sums the similarities of the items in their history. It also answers "related
 * to this video" directly: {@link #neighbours}.
 */
public final class ItemKnn implements ItemScorer {
    private static final int[] NONE = {};
    private final int[] starts;
    private final int[] neighbours;
    private final float[] similarities;

    private ItemKnn(int[] starts, int[] neighbours, float[] similarities) {
        this.starts = starts;
        this.neighbours = neighbours;
        this.similarities = similarities;
    }

    /** Keeps {@code k} neighbours per item with the given shrinkage. */
    public static ItemKnn fit(Interactions train, int k, float shrink, Progress progress) {
        Interactions byItem = train.transpose();
        int n = train.items();
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int e = byItem.start(i); e < byItem.end(i); e++) {
                sum += byItem.weight(e) * byItem.weight(e);
            }
            norms[i] = (float) Math.sqrt(sum);
        }
        int[][] kept = new int[n][];
        float[][] keptSims = new float[n][];
        ThreadLocal<float[]> accumulators = ThreadLocal.withInitial(() -> new float[n]);
        ThreadLocal<int[]> touchedLists = ThreadLocal.withInitial(() -> new int[n]);
        int[] done = new int[1];
        Parallel.forEach(n, Parallel.threads(), i -> {
            float[] acc = accumulators.get();
            int[] touched = touchedLists.get();
            int count = 0;
            for (int e = byItem.start(i); e < byItem.end(i); e++) {
                int user = byItem.item(e);
                float wi = byItem.weight(e);
                for (int f = train.start(user); f < train.end(user); f++) {
                    int j = train.item(f);
                    if (j == i) {
                        continue;
                    }
                    if (acc[j] == 0) {
                        touched[count++] = j;
                    }
                    acc[j] += wi * train.weight(f);
                }
            }
            float[] sims = new float[count];
            for (int t = 0; t < count; t++) {
                int j = touched[t];
                sims[t] = acc[j] / (norms[i] * norms[j] + shrink);
            }
            int[] best = TopK.select(sims, Math.min(k, count), NONE);
            kept[i] = new int[best.length];
            keptSims[i] = new float[best.length];
            for (int b = 0; b < best.length; b++) {
                kept[i][b] = touched[best[b]];
                keptSims[i][b] = sims[best[b]];
            }
            for (int t = 0; t < count; t++) {
                acc[touched[t]] = 0;
            }
            synchronized (done) {
                if (++done[0] % 1000 == 0) {
                    progress.report("item neighbours", (double) done[0] / n);
                }
            }
        });
        int[] starts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            starts[i + 1] = starts[i] + kept[i].length;
        }
        int[] flat = new int[starts[n]];
        float[] flatSims = new float[starts[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(kept[i], 0, flat, starts[i], kept[i].length);
            System.arraycopy(keptSims[i], 0, flatSims, starts[i], kept[i].length);
        }
        progress.report("item neighbours", 1);
        return new ItemKnn(starts, flat, flatSims);
    }

    @Override
    public int items() {
        return starts.length - 1;
    }

    @Override
    public void score(int[] history, float[] weights, float[] out) {
        Arrays.fill(out, 0f);
        for (int h = 0; h < history.length; h++) {
            int i = history[h];
            float w = weights[h];
            for (int e = starts[i]; e < starts[i + 1]; e++) {
                out[neighbours[e]] += w * similarities[e];
            }
        }
    }

    /** The item's neighbours, most similar first. */
    public int[] neighbours(int item) {
        return Arrays.copyOfRange(neighbours, starts[item], starts[item + 1]);
    }

    /** Their similarities, in the order of {@link #neighbours}. */
    public float[] similarities(int item) {
        return Arrays.copyOfRange(similarities, starts[item], starts[item + 1]);
    }
}
