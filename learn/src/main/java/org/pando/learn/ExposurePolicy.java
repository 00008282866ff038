package org.pando.learn;

/**
 * Keeps the most-shown items from taking all the attention in a round of recommendation lists: the top
 * {@code headFraction} of the catalogue may hold at most {@code maxShare} of the round's impressions. It does
 * so with a cap per item, {@code maxShare · impressions / ⌈headFraction · items⌉}, because when no item goes
 * over it, no set of that many items can hold more than {@code maxShare}.
 *
 * <p>A list is built greedily from the user's candidates, best first: an item at its cap is passed over for
 * the next one under it, so over-exposed items are demoted, not banned; capped items fill a list only when the
 * candidates run out. One request at a time is served with {@link #pick}; a whole round known in advance with
 * {@link #pickRound}, which fills everyone's first place before anyone's second, so that the users served last
 * do not bear all of the cap.
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
        return pickRound(new int[][] {candidates}, k)[0];
    }

    /**
     * Everyone's list of up to {@code k} items from their candidates (best first), counted as shown, built place
     * by place: each user in turn takes their best candidate under its cap for the first place, then for the
     * second in the reverse order, and so on (a snake draft), so that where a capped item is passed over, the
     * loss falls evenly on the users rather than on those served last. Places nobody could fill under the caps
     * are filled at the end from the capped candidates, best first.
     */
    public synchronized int[][] pickRound(int[][] candidates, int k) {
        int users = candidates.length;
        int[][] lists = new int[users][];
        boolean[][] taken = new boolean[users][];
        int[] next = new int[users];
        for (int u = 0; u < users; u++) {
            lists[u] = new int[Math.min(k, candidates[u].length)];
            taken[u] = new boolean[candidates[u].length];
        }
        int[] size = new int[users];
        for (int place = 0; place < k; place++) {
            for (int turn = 0; turn < users; turn++) {
                int u = place % 2 == 0 ? turn : users - 1 - turn;
                if (size[u] < lists[u].length) {
                    // Items passed over stay passed over: a taken one is in the list, a capped one stays capped.
                    while (next[u] < candidates[u].length && (taken[u][next[u]] || impressions[candidates[u][next[u]]] >= cap)) {
                        next[u]++;
                    }
                    if (next[u] < candidates[u].length) {
                        take(u, next[u], candidates, lists, taken, size);
                    }
                }
            }
        }
        for (int u = 0; u < users; u++) {
            for (int c = 0; c < candidates[u].length && size[u] < lists[u].length; c++) {
                if (!taken[u][c]) {
                    take(u, c, candidates, lists, taken, size);
                }
            }
        }
        return lists;
    }

    private void take(int user, int candidate, int[][] candidates, int[][] lists, boolean[][] taken, int[] size) {
        int item = candidates[user][candidate];
        lists[user][size[user]++] = item;
        taken[user][candidate] = true;
        impressions[item]++;
    }
}
