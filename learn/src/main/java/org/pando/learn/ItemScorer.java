package org.pando.learn;

/**
 * A trained model: scores every item for a user described by their history, so users the model has never
 * seen (or whose history just changed) are scored without retraining.
 *
 * <pre>{@code
 * float[] scores = new float[scorer.items()];
 * scorer.score(new int[] {3, 17}, new float[] {1f, 1f}, scores);
 * int[] best = TopK.select(scores, 20, new int[] {3, 17});
 * }</pre>
 *
 * <p>A user's request may also carry their negative feedback (items they skipped or marked "not interested"):
 * {@link #score(int[], float[], int[], float[])}. Models that learn nothing from it keep the default, which
 * scores from the positive history alone.
 */
public interface ItemScorer {
    /** The number of items scored. */
    int items();

    /**
     * Writes a score for every item into {@code out} (length {@link #items()}); higher is better.
     *
     * @param history the user's items
     * @param weights their interaction weights, same length
     * @param out     the scores
     */
    void score(int[] history, float[] weights, float[] out);

    /**
     * Like {@link #score(int[], float[], float[])}, knowing the user's negative feedback too.
     *
     * @param history   the user's items
     * @param weights   their interaction weights, same length
     * @param negatives the items the user gave negative feedback on, sorted; empty when none is known
     * @param out       the scores
     */
    default void score(int[] history, float[] weights, int[] negatives, float[] out) {
        score(history, weights, out);
    }
}
