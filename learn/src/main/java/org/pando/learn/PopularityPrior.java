package org.pando.learn;

/**
 * The same score for everyone: the log of how many positives an item can be expected to draw. Where negative
 * feedback is known, an item's exposures (positives and negatives) times its smoothed positive rate
 * {@code (pos + a·r₀) / (exposures + a)}, with {@code r₀} the catalogue's rate, so an item shown often and
 * rarely liked falls behind one liked by most who saw it; without negatives this is the positive count.
 *
 * <pre>{@code
 * PopularityPrior prior = PopularityPrior.fit(positives, negatives, 10f);
 * }</pre>
 */
public final class PopularityPrior implements ItemScorer {
    private final float[] scores;

    private PopularityPrior(float[] scores) {
        this.scores = scores;
    }

    /**
     * @param positives what users liked or watched
     * @param negatives what they skipped or marked "not interested"; may be empty
     * @param smoothing {@code a}, in exposures: how far a rarely shown item's rate is pulled to the catalogue's
     */
    public static PopularityPrior fit(Interactions positives, Interactions negatives, float smoothing) {
        int[] liked = positives.itemDegrees();
        int[] disliked = negatives.itemDegrees();
        double rate = positives.size() / (double) Math.max(1, positives.size() + negatives.size());
        float[] scores = new float[liked.length];
        for (int i = 0; i < liked.length; i++) {
            double exposures = liked[i] + disliked[i];
            double expected = exposures == 0 ? 0 : exposures * (liked[i] + smoothing * rate) / (exposures + smoothing);
            scores[i] = (float) Math.log1p(expected);
        }
        return new PopularityPrior(scores);
    }

    @Override
    public int items() {
        return scores.length;
    }

    @Override
    public void score(int[] history, float[] weights, float[] out) {
        System.arraycopy(scores, 0, out, 0, scores.length);
    }
}
