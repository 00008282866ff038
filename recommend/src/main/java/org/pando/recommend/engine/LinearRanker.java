package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.pando.recommend.Signal;

/**
 * The ranker: a score that is a weighted sum of the signals, so each signal's part is exactly what it added
 * (the "why this video"). The weights start at each signal's prior, which is the fallback to the sources'
 * own scores, and are learned online from how views end: logistic regression on the duration-debiased watch
 * quantile, skips and "not interested" as zeros, pulled back towards the priors and kept non-negative so a
 * reason shown is always a reason for.
 */
final class LinearRanker {
    static final int SIGNALS = Signal.values().length;
    private static final double LEARNING_RATE = 0.05;
    private static final double PULL_TO_PRIOR = 0.001;

    private final double[] priors = new double[SIGNALS];
    private final double[] weights = new double[SIGNALS];
    private double bias = -0.5;
    private long updates;

    LinearRanker() {
        for (Signal s : Signal.values()) {
            priors[s.ordinal()] = s.prior();
            weights[s.ordinal()] = s.prior();
        }
    }

    /** Writes the weights by signal name, so a checkpoint survives signals added or reordered. */
    synchronized void writeTo(DataOutput out) throws IOException {
        out.writeDouble(bias);
        out.writeLong(updates);
        out.writeInt(SIGNALS);
        for (Signal s : Signal.values()) {
            out.writeUTF(s.name());
            out.writeDouble(weights[s.ordinal()]);
        }
    }

    synchronized void readFrom(DataInput in) throws IOException {
        bias = in.readDouble();
        updates = in.readLong();
        for (int i = in.readInt(); i > 0; i--) {
            String name = in.readUTF();
            double weight = in.readDouble();
            for (Signal s : Signal.values()) {
                if (s.name().equals(name)) {
                    weights[s.ordinal()] = weight;
                }
            }
        }
    }

    /** A copy of the current weights, indexed by {@link Signal#ordinal()}. */
    synchronized double[] weights() {
        return weights.clone();
    }

    /** How many views the ranker has learned from. */
    synchronized long updates() {
        return updates;
    }

    /**
     * One step towards predicting {@code target} (0 to 1) from the features a video was shown with.
     *
     * @param features the signal values, in [0, 1], indexed by {@link Signal#ordinal()}
     * @param target   the view's watch quantile; 0 for a skip or "not interested"
     */
    synchronized void learn(double[] features, double target) {
        double z = bias;
        for (int s = 0; s < SIGNALS; s++) {
            z += weights[s] * features[s];
        }
        double error = 1 / (1 + Math.exp(-z)) - target;
        for (int s = 0; s < SIGNALS; s++) {
            double gradient = error * features[s] + PULL_TO_PRIOR * (weights[s] - priors[s]);
            weights[s] = Math.max(0, weights[s] - LEARNING_RATE * gradient);
        }
        bias -= LEARNING_RATE * error;
        updates++;
    }
}
