package org.pando.recommend;

import java.util.EnumMap;
import java.util.Map;
import org.pando.domain.InvalidInput;

/**
 * A viewer's control over For You: the strategy and a weight per signal (1 is Pando's own weighting, 0
 * turns a signal off, 2 doubles it).
 *
 * @param strategy how For You chooses
 * @param weights  a multiplier per signal; signals not named keep 1
 */
public record FeedPreferences(FeedStrategy strategy, Map<Signal, Double> weights) {
    /** Largest weight a viewer may give a signal. */
    public static final double MAX_WEIGHT = 2.0;

    public FeedPreferences {
        EnumMap<Signal, Double> copy = new EnumMap<>(Signal.class);
        for (Map.Entry<Signal, Double> e : weights.entrySet()) {
            double w = e.getValue();
            if (!(w >= 0 && w <= MAX_WEIGHT)) {
                throw new InvalidInput("weights", "The weight of " + e.getKey().wireName() + " must be between 0 and "
                        + MAX_WEIGHT + ".");
            }
            copy.put(e.getKey(), w);
        }
        weights = Map.copyOf(copy);
    }

    /** Personalised, every signal at 1. */
    public static FeedPreferences defaults() {
        return new FeedPreferences(FeedStrategy.PERSONALISED, Map.of());
    }

    /** The viewer's multiplier for a signal. */
    public double weight(Signal signal) {
        return weights.getOrDefault(signal, 1.0);
    }
}
