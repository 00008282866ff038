package org.pando.learn;

import java.util.Arrays;
import java.util.List;

/**
 * A weighted blend of several models. Each source's scores are standardised per request (mean 0, standard
 * deviation 1 over the catalogue), so a weight means the same whatever the source's scale, then summed with
 * their weights. Items the user gave negative feedback on go to the bottom: someone who skipped a video or
 * said "not interested" is not shown it again.
 *
 * <pre>{@code
 * Hybrid hybrid = Hybrid.of(List.of(new Hybrid.Source("popularity", prior, 1f), new Hybrid.Source("iALS", als, 0.5f)));
 * hybrid.score(history, weights, negatives, scores);
 * }</pre>
 *
 * <p>Weight searches score the sources once per user ({@link #standardisedSources}) and blend them many times
 * ({@link #blend}).
 */
public final class Hybrid implements ItemScorer {
    private static final int[] NONE = {};

    /**
     * One model in the blend.
     *
     * @param name   for reports
     * @param scorer the fitted model
     * @param weight its weight on standardised scores; 0 leaves it out
     */
    public record Source(String name, ItemScorer scorer, float weight) {
    }

    private final List<Source> sources;
    private final float[] weights;

    private Hybrid(List<Source> sources) {
        this.sources = List.copyOf(sources);
        this.weights = new float[sources.size()];
        for (int s = 0; s < weights.length; s++) {
            weights[s] = sources.get(s).weight();
        }
    }

    public static Hybrid of(List<Source> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("A hybrid needs at least one source");
        }
        int items = sources.getFirst().scorer().items();
        for (Source s : sources) {
            if (s.scorer().items() != items) {
                throw new IllegalArgumentException(s.name() + " scores " + s.scorer().items() + " items, not " + items);
            }
        }
        return new Hybrid(sources);
    }

    /** The sources, in blend order. */
    public List<Source> sources() {
        return sources;
    }

    @Override
    public int items() {
        return sources.getFirst().scorer().items();
    }

    @Override
    public void score(int[] history, float[] weights, float[] out) {
        score(history, weights, NONE, out);
    }

    @Override
    public void score(int[] history, float[] historyWeights, int[] negatives, float[] out) {
        Arrays.fill(out, 0f);
        float[] buffer = new float[items()];
        for (int s = 0; s < sources.size(); s++) {
            if (weights[s] != 0f) {
                sources.get(s).scorer().score(history, historyWeights, negatives, buffer);
                standardise(buffer);
                addScaled(buffer, weights[s], out);
            }
        }
        demote(negatives, out);
    }

    /** Every source's standardised scores for one request, whatever its weight, for weight searches. */
    public float[][] standardisedSources(int[] history, float[] historyWeights, int[] negatives) {
        float[][] scores = new float[sources.size()][items()];
        for (int s = 0; s < sources.size(); s++) {
            sources.get(s).scorer().score(history, historyWeights, negatives, scores[s]);
            standardise(scores[s]);
        }
        return scores;
    }

    /** What {@link #score} gives with these weights, from {@link #standardisedSources}. */
    public static void blend(float[][] standardised, float[] weights, int[] negatives, float[] out) {
        Arrays.fill(out, 0f);
        for (int s = 0; s < standardised.length; s++) {
            if (weights[s] != 0f) {
                addScaled(standardised[s], weights[s], out);
            }
        }
        demote(negatives, out);
    }

    /** In place: minus the mean, over the standard deviation; a constant source becomes all zeros. */
    static void standardise(float[] scores) {
        double sum = 0;
        for (float v : scores) {
            sum += v;
        }
        double mean = sum / scores.length;
        double squares = 0;
        for (float v : scores) {
            squares += (v - mean) * (v - mean);
        }
        double deviation = Math.sqrt(squares / scores.length);
        float scale = deviation > 0 ? (float) (1 / deviation) : 0f;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) ((scores[i] - mean) * scale);
        }
    }

    private static void addScaled(float[] scores, float weight, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] += weight * scores[i];
        }
    }

    private static void demote(int[] negatives, float[] out) {
        for (int item : negatives) {
            out[item] = Float.NEGATIVE_INFINITY;
        }
    }
}
