package org.pando.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pando.learn.Gini;
import org.pando.learn.Interactions;

/**
 * Accuracy, reach and fairness of top-20 lists, as the literature defines them.
 *
 * <ul>
 *   <li>Recall@K = hits / |test items| and NDCG@K with the ideal DCG over min(|test|, K) positions
 *   (LightGCN, BARS), averaged over users with a test item.</li>
 *   <li>coverage@20: share of the catalogue in at least one list.</li>
 *   <li>gini@20: Gini coefficient of how often each catalogue item appears in the lists (0 = every item
 *   equally, 1 = one item everywhere).</li>
 *   <li>top-1% share: share of list slots held by the most-listed 1% of the catalogue, what the exposure
 *   policy caps.</li>
 *   <li>long-tail share: share of list slots holding an item outside the head, the most popular items that
 *   together hold 20% of training interactions.</li>
 *   <li>novelty: mean self-information −log₂(popularity / users) of list slots.</li>
 *   <li>where negatives are known: negatives@20, the share of slots holding an item the user marked
 *   negative in any split; and AUC over each user's labelled test pairs (positives against negatives,
 *   ties half), averaged over users with both.</li>
 * </ul>
 */
final class RankingMetrics {
    static final int K = 20;

    private final Dataset data;
    private final int[] degrees;
    private final boolean[] head;
    private final long[] exposure;
    private double recall10;
    private double recall20;
    private double ndcg10;
    private double ndcg20;
    private long slots;
    private long tailSlots;
    private double selfInformation;
    private long negativeSlots;
    private double aucSum;
    private int aucUsers;
    private int users;

    RankingMetrics(Dataset data) {
        this.data = data;
        this.degrees = data.train().itemDegrees();
        this.head = head(degrees, data.train().size());
        this.exposure = new long[data.train().items()];
    }

    /** Marks as head the most popular items holding the first 20% of interactions. */
    private static boolean[] head(int[] degrees, long total) {
        Integer[] order = new Integer[degrees.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(degrees[b], degrees[a]));
        boolean[] head = new boolean[degrees.length];
        long sum = 0;
        for (int item : order) {
            if (sum >= 0.2 * total) {
                break;
            }
            head[item] = true;
            sum += degrees[item];
        }
        return head;
    }

    /** Adds one test user's top-20 list and their scores of every item (for AUC). */
    synchronized void add(int user, int[] top, float[] scores) {
        addList(user, top);
        addScores(user, scores);
    }

    /** Adds one test user's scores of every item, for AUC where negatives are known. */
    synchronized void addScores(int user, float[] scores) {
        if (data.hasNegatives() && data.test().count(user) > 0) {
            addAuc(user, scores);
        }
    }

    /** Adds one test user's top-20 list. */
    synchronized void addList(int user, int[] top) {
        Interactions test = data.test();
        int relevant = test.count(user);
        if (relevant == 0) {
            return;
        }
        users++;
        double dcg10 = 0;
        double dcg20 = 0;
        int hits10 = 0;
        int hits20 = 0;
        for (int rank = 0; rank < Math.min(K, top.length); rank++) {
            int item = top[rank];
            exposure[item]++;
            slots++;
            if (!head[item]) {
                tailSlots++;
            }
            selfInformation += -Math.log((Math.max(1, degrees[item])) / (double) data.train().users()) / Math.log(2);
            if (data.hasNegatives() && data.negatives().has(user, item)) {
                negativeSlots++;
            }
            if (test.has(user, item)) {
                double gain = 1 / (Math.log(rank + 2) / Math.log(2));
                dcg20 += gain;
                hits20++;
                if (rank < 10) {
                    dcg10 += gain;
                    hits10++;
                }
            }
        }
        recall10 += (double) hits10 / relevant;
        recall20 += (double) hits20 / relevant;
        ndcg10 += dcg10 / idealDcg(Math.min(relevant, 10));
        ndcg20 += dcg20 / idealDcg(Math.min(relevant, K));
    }

    private void addAuc(int user, float[] scores) {
        Interactions negatives = data.testNegatives();
        if (negatives.count(user) == 0) {
            return;
        }
        double wins = 0;
        int pairs = 0;
        for (int p = data.test().start(user); p < data.test().end(user); p++) {
            float positive = scores[data.test().item(p)];
            for (int n = negatives.start(user); n < negatives.end(user); n++) {
                float negative = scores[negatives.item(n)];
                wins += positive > negative ? 1 : positive == negative ? 0.5 : 0;
                pairs++;
            }
        }
        aucSum += wins / pairs;
        aucUsers++;
    }

    private static double idealDcg(int positions) {
        double sum = 0;
        for (int r = 0; r < positions; r++) {
            sum += 1 / (Math.log(r + 2) / Math.log(2));
        }
        return sum;
    }

    /** The share of list slots held by the most-listed {@code fraction} of the catalogue. */
    static double topShare(long[] exposure, double fraction) {
        long[] sorted = exposure.clone();
        Arrays.sort(sorted);
        int head = (int) Math.ceil(fraction * sorted.length);
        long total = Arrays.stream(sorted).sum();
        long top = 0;
        for (int i = sorted.length - head; i < sorted.length; i++) {
            top += sorted[i];
        }
        return total == 0 ? 0 : (double) top / total;
    }

    /** The metrics by their report names. */
    synchronized Map<String, Double> results() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("recall@10", recall10 / users);
        m.put("recall@20", recall20 / users);
        m.put("ndcg@10", ndcg10 / users);
        m.put("ndcg@20", ndcg20 / users);
        m.put("coverage@20", Arrays.stream(exposure).filter(e -> e > 0).count() / (double) exposure.length);
        m.put("gini@20", Gini.of(exposure));
        m.put("top1_share@20", topShare(exposure, 0.01));
        m.put("long_tail_share", slots == 0 ? 0 : (double) tailSlots / slots);
        m.put("novelty", slots == 0 ? 0 : selfInformation / slots);
        if (data.hasNegatives()) {
            m.put("negatives@20", slots == 0 ? 0 : (double) negativeSlots / slots);
            m.put("auc", aucUsers == 0 ? 0 : aucSum / aucUsers);
        }
        m.put("users", (double) users);
        return m;
    }
}
