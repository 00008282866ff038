package org.pando.learn;

/**
 * Keeps the most-shown items from taking all the attention in a round of recommendation lists: the top
 * {@code headFraction} of the catalogue may hold at most {@code maxShare} of the round's impressions. It does
 * so with a cap per item, {@code maxShare · impressions / ⌈headFraction · items⌉}, because when no item goes
 * over it, no set of that many items can hold more than {@code maxShare}.
 *
 * <p>Each list is built greedily from the user's candidates, best first: an item at its cap is passed over
 * for the next one under it, so over-exposed items are demoted, not banned; capped items fill a list only
 * when the candidates run out.
 *
 * <pre>{@code
 * ExposurePolicy policy = ExposurePolicy.forRound(new ExposurePolicy.Settings(0.01, 0.3), items, users, 20);
 * int[] list = policy.pick(TopK.select(scores, 200, history), 20);
 * }</pre>
 */
public final class ExposurePolicy {
    /**
     * @param headFraction the share of the catalogue counted as the head, such as 0.01 for the top 1%
     * @param maxShare     the largest share of impressions the head may take, such as 0.3
     */
    public record Settings(double headFraction, double maxShare) {
        public Settings {
            if (headFraction <= 0 || headFraction > 1 || maxShare <= 0 || maxShare > 1) {
                throw new IllegalArgumentException("headFraction and maxShare must be in (0, 1]");
            }
        }
    }

    private final int cap;
    private final int[] impressions;

    private ExposurePolicy(int cap, int items) {
        this.cap = cap;
        this.impressions = new int[items];
    }

    /** A policy for a round of {@code lists} lists of {@code k} items each over a catalogue of {@code items}. */
    public static ExposurePolicy forRound(Settings settings, int items, int lists, int k) {
        int head = (int) Math.ceil(settings.headFraction() * items);
        long cap = (long) Math.floor(settings.maxShare() * lists * (double) k / head);
        return new ExposurePolicy((int) Math.clamp(cap, 1, Integer.MAX_VALUE), items);
    }

    /** The most impressions one item may take in the round. */
    public int cap() {
        return cap;
    }

    /** How many impressions the item has taken so far. */
    public synchronized int impressions(int item) {
        return impressions[item];
    }

    /**
     * The user's list of up to {@code k} items from their candidates (best first), counted as shown.
     */
    public synchronized int[] pick(int[] candidates, int k) {
        int[] list = new int[Math.min(k, candidates.length)];
        boolean[] taken = new boolean[candidates.length];
        int size = 0;
        for (int c = 0; c < candidates.length && size < list.length; c++) {
            if (impressions[candidates[c]] < cap) {
                list[size++] = candidates[c];
                taken[c] = true;
            }
        }
        for (int c = 0; c < candidates.length && size < list.length; c++) {
            if (!taken[c]) {
                list[size++] = candidates[c];
            }
        }
        for (int item : list) {
            impressions[item]++;
        }
        return list;
    }
}
