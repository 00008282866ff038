package org.pando.learn;

import java.util.Arrays;

/** The indices of the largest scores, best first, skipping excluded indices. */
public final class TopK {
    private TopK() {
    }

    /**
     * The {@code k} best indices of {@code scores}, best first; {@code excluded} must be sorted. Ties go to the
     * lower index, so results are deterministic.
     */
    public static int[] select(float[] scores, int k, int[] excluded) {
        if (k <= 0) {
            return new int[0];
        }
        int[] heap = new int[k];
        int size = 0;
        int next = 0;
        // the kept worst's score, so that most items, worse than it, cost one comparison
        float worst = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (size == k && !(scores[i] > worst)) {
                // an equal score would lose the tie: every kept index is lower
                continue;
            }
            while (next < excluded.length && excluded[next] < i) {
                next++;
            }
            if (next < excluded.length && excluded[next] == i) {
                continue;
            }
            if (size < k) {
                heap[size++] = i;
                siftUp(heap, size - 1, scores);
            } else {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
            if (size == k) {
                worst = scores[heap[0]];
            }
        }
        int[] result = Arrays.copyOf(heap, size);
        Integer[] boxed = Arrays.stream(result).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> better(a, b, scores) ? -1 : better(b, a, scores) ? 1 : 0);
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static boolean better(int a, int b, float[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    /** A min-heap on "better": the root is the worst of the kept indices. */
    private static void siftUp(int[] heap, int i, float[] scores) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(heap[parent], heap[i], scores)) {
                break;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, float[] scores) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int worst = i;
            if (left < size && better(heap[worst], heap[left], scores)) {
                worst = left;
            }
            if (left + 1 < size && better(heap[worst], heap[left + 1], scores)) {
                worst = left + 1;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
