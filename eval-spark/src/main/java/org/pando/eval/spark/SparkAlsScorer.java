package org.pando.eval.spark;

import org.pando.learn.ImplicitAls;
import org.pando.learn.ItemScorer;

/**
 * Scores a user against Spark's item factors after solving the user's vector exactly as Spark's user
 * half-step does: {@code (YᵀY + Σ α·w y yᵀ + λ·n I) x = Σ (1 + α·w) y}, where {@code n} is the number of
 * positive interactions (Spark's ALS-WR weighting of λ). For a training user this is Spark's own last user
 * update, since Spark updates the users after the items in every iteration.
 */
final class SparkAlsScorer implements ItemScorer {
    private final ImplicitAls items;
    private final float regParam;

    SparkAlsScorer(float[] itemFactors, int rank, float alpha, float regParam) {
        this.items = ImplicitAls.ofItemFactors(itemFactors, rank, alpha, regParam);
        this.regParam = regParam;
    }

    /** The user's vector by Spark's solve. */
    float[] foldIn(int[] history, float[] weights) {
        int positives = 0;
        for (float weight : weights) {
            if (weight > 0) {
                positives++;
            }
        }
        return items.foldIn(history, weights, regParam * positives);
    }

    @Override
    public int items() {
        return items.items();
    }

    @Override
    public void score(int[] history, float[] weights, float[] out) {
        items.scoreVector(foldIn(history, weights), out);
    }
}
