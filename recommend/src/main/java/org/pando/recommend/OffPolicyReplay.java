package org.pando.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pando.events.EventType;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.events.UserEvent;

/**
 * Off-policy evaluation on an instance's own logs: every recommended impression carries the propensity with
 * which the serving policy showed it, so the value of another policy can be estimated from what was logged
 * (inverse propensity scoring, and its self-normalised form).
 *
 * <p>The reward of an impression is 1 when the viewer went on to value the video (finished it, watched half
 * of it, or liked it) within an hour, otherwise 0. The counterfactual evaluated is the same ranking without
 * the exploration slot: it would have shown every ranked impression (those logged with a propensity of 1/2 or
 * more; the exploration rate is at most 1/2) and none of the explored ones.
 *
 * <pre>{@code
 * OffPolicyReplay replay = new OffPolicyReplay();
 * log.readAfter(0, n).forEach(replay);
 * Map<Surface, OffPolicyReplay.Estimate> bySurface = replay.estimates();
 * }</pre>
 */
public final class OffPolicyReplay implements Consumer<LoggedEvent> {
    private static final Duration REWARD_WINDOW = Duration.ofHours(1);
    private static final double EXPLORATION_BELOW = 0.5;

    private final Map<String, List<Impression>> open = new HashMap<>();
    private final List<Impression> all = new ArrayList<>();

    @Override
    public void accept(LoggedEvent logged) {
        UserEvent e = logged.event();
        String key = e.userId() + "\u0000" + e.videoId();
        if (e.type() == EventType.IMPRESSION && e.propensity().isPresent()) {
            Impression impression = new Impression(e.surface(), e.propensity().getAsDouble(), e.at());
            open.computeIfAbsent(key, k -> new ArrayList<>()).add(impression);
            all.add(impression);
            return;
        }
        if (valued(e)) {
            List<Impression> waiting = open.remove(key);
            if (waiting != null) {
                waiting.stream().filter(i -> !e.at().isAfter(i.at.plus(REWARD_WINDOW))).forEach(i -> i.reward = 1);
            }
        }
    }

    private static boolean valued(UserEvent e) {
        return switch (e.type()) {
            case COMPLETE, LIKE -> true;
            case PROGRESS, SKIP -> e.watchRatio() >= 0.5;
            default -> false;
        };
    }

    /** Estimates per surface that logged propensities, in surface order. */
    public Map<Surface, Estimate> estimates() {
        Map<Surface, List<Impression>> bySurface = new EnumMap<>(Surface.class);
        all.forEach(i -> bySurface.computeIfAbsent(i.surface, s -> new ArrayList<>()).add(i));
        Map<Surface, Estimate> estimates = new EnumMap<>(Surface.class);
        bySurface.forEach((surface, impressions) -> estimates.put(surface, Estimate.of(impressions)));
        return estimates;
    }

    /** Estimates over every surface together. */
    public Estimate overall() {
        return Estimate.of(all);
    }

    private static final class Impression {
        final Surface surface;
        final double propensity;
        final Instant at;
        int reward;

        Impression(Surface surface, double propensity, Instant at) {
            this.surface = surface;
            this.propensity = propensity;
            this.at = at;
        }

        boolean explored() {
            return propensity < EXPLORATION_BELOW;
        }
    }

    /**
     * The logged policy's value and the estimated value of the ranking without exploration.
     *
     * @param impressions      impressions with a logged propensity
     * @param explored         how many of them filled the exploration slot
     * @param loggedReward     mean reward of what was shown
     * @param exploredReward   mean reward of the exploration slot's impressions (NaN when none)
     * @param ips              inverse-propensity estimate of the no-exploration policy's mean reward
     * @param snips            its self-normalised estimate
     * @param effectiveSamples Kish's effective sample size of the importance weights
     */
    public record Estimate(int impressions, int explored, double loggedReward, double exploredReward, double ips, double snips,
            double effectiveSamples) {
        static Estimate of(List<Impression> impressions) {
            int n = impressions.size();
            int explored = 0;
            double rewards = 0;
            double exploredRewards = 0;
            double weighted = 0;
            double weights = 0;
            double squares = 0;
            for (Impression i : impressions) {
                rewards += i.reward;
                if (i.explored()) {
                    explored++;
                    exploredRewards += i.reward;
                    continue;
                }
                double w = 1 / i.propensity;
                weighted += w * i.reward;
                weights += w;
                squares += w * w;
            }
            return new Estimate(n, explored, n == 0 ? Double.NaN : rewards / n,
                    explored == 0 ? Double.NaN : exploredRewards / explored, n == 0 ? Double.NaN : weighted / n,
                    weights == 0 ? Double.NaN : weighted / weights, squares == 0 ? 0 : weights * weights / squares);
        }
    }
}
