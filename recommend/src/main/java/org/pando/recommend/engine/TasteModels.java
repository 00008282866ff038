package org.pando.recommend.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pando.learn.Ease;
import org.pando.learn.ImplicitAls;
import org.pando.learn.Interactions;
import org.pando.learn.Progress;

/**
 * The models refitted on a schedule from every viewer's valued videos: implicit ALS over the whole catalogue
 * watched so far, and EASE over its most watched head (a dense n x n float matrix, so n stays bounded).
 * A fit produces an immutable {@link Snapshot}; between fits, viewers are folded in against the snapshot's
 * item vectors after each of their events.
 */
final class TasteModels {
    private final int factors;
    private final int headSize;
    private volatile Snapshot current;
    private long version;

    TasteModels(int factors, int headSize) {
        this.factors = factors;
        this.headSize = headSize;
    }

    /** The latest fit, or null before the first. */
    Snapshot current() {
        return current;
    }

    /** Writes the latest fit, if any: the videos, iALS's item factors, and EASE's head with its weights. */
    void writeTo(CheckpointOutput out) throws IOException {
        Snapshot s = current;
        out.writeBoolean(s != null);
        if (s != null) {
            s.fit().writeTo(out);
        }
    }

    /** Reads what {@link #writeTo} wrote and publishes it as the latest fit. */
    void readFrom(CheckpointInput in) throws IOException {
        if (in.readBoolean()) {
            adopt(TasteFit.readFrom(in));
        }
    }

    /** Publishes a fit made elsewhere as the latest; later fits here number theirs after it. */
    synchronized void adopt(TasteFit fit) {
        version = fit.version();
        current = new Snapshot(fit.version(), indexOf(fit.videos()), fit.videos(),
                ImplicitAls.ofItemFactors(fit.itemFactors(), fit.factors(), TasteFit.ALPHA, TasteFit.ALS_LAMBDA),
                new Head(indexOf(fit.head()), Ease.ofWeights(fit.head().size(), fit.easeWeights())));
    }

    /** Video id → position, in a hash map, which stays quick when ids are numbered in sequence (Map.copyOf does not). */
    private static Map<String, Integer> indexOf(List<String> ids) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        return Collections.unmodifiableMap(index);
    }

    /**
     * Fits both models on these histories (viewer → video → weight) and publishes the result; with fewer than
     * two viewers or two videos there is nothing to learn and the previous snapshot stays.
     */
    void refit(List<Map<String, Double>> histories) {
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<Map<String, Double>> users = histories.stream().filter(h -> !h.isEmpty()).toList();
        users.forEach(h -> h.keySet().forEach(v -> index.computeIfAbsent(v, k -> {
            ids.add(k);
            return ids.size() - 1;
        })));
        if (users.size() < 2 || ids.size() < 2) {
            return;
        }
        Interactions.Builder builder = Interactions.builder(users.size(), ids.size());
        for (int u = 0; u < users.size(); u++) {
            int user = u;
            users.get(u).forEach((v, w) -> builder.add(user, index.get(v), (float) (double) w));
        }
        Interactions all = builder.build();
        // one core fewer than the machine has, which the feeds being served beside the fit keep
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        ImplicitAls als = ImplicitAls.fit(all, new ImplicitAls.Settings(factors, TasteFit.ITERATIONS, TasteFit.ALPHA,
                TasteFit.ALS_LAMBDA, 3, 42L), Progress.NONE, threads);
        Head head = head(all, ids);
        synchronized (this) {
            version++;
            current = new Snapshot(version, Collections.unmodifiableMap(index), List.copyOf(ids), als, head);
        }
    }

    private Head head(Interactions all, List<String> ids) {
        int[] degrees = all.itemDegrees();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < degrees.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -degrees[i]));
        List<Integer> kept = order.subList(0, Math.min(headSize, order.size()));
        Map<String, Integer> headIndex = new HashMap<>();
        int[] remap = new int[degrees.length];
        Arrays.fill(remap, -1);
        for (int h = 0; h < kept.size(); h++) {
            remap[kept.get(h)] = h;
            headIndex.put(ids.get(kept.get(h)), h);
        }
        Interactions.Builder builder = Interactions.builder(all.users(), kept.size());
        for (int u = 0; u < all.users(); u++) {
            for (int e = all.start(u); e < all.end(u); e++) {
                if (remap[all.item(e)] >= 0) {
                    builder.add(u, remap[all.item(e)], all.weight(e));
                }
            }
        }
        return new Head(Collections.unmodifiableMap(headIndex), Ease.fit(builder.build(), TasteFit.EASE_LAMBDA, Progress.NONE));
    }

    /**
     * One fit of both models.
     *
     * @param version increases with every fit
     * @param index   video id → iALS item index
     * @param ids     iALS item index → video id
     * @param als     the iALS model
     * @param head    EASE over the most watched videos
     */
    record Snapshot(long version, Map<String, Integer> index, List<String> ids, ImplicitAls als, Head head) {
        /** The fit's numbers. */
        TasteFit fit() {
            List<String> headIds = new ArrayList<>(Collections.nCopies(head.index().size(), ""));
            head.index().forEach((video, j) -> headIds.set(j, video));
            Ease ease = head.ease();
            float[] weights = new float[ease.items() * ease.items()];
            for (int i = 0; i < ease.items(); i++) {
                for (int j = 0; j < ease.items(); j++) {
                    weights[i * ease.items() + j] = ease.weight(i, j);
                }
            }
            return new TasteFit(version, ids, als.factors(), als.itemFactors(), headIds, weights);
        }

        /** Folds a viewer in: one k x k solve against the item vectors. */
        float[] foldIn(Map<String, Double> history) {
            Indexed h = Indexed.of(history, index);
            return als.foldIn(h.items(), h.weights());
        }

        /** The videos with the highest taste scores for this viewer, best first, at most {@code limit}. */
        List<String> best(float[] user, int limit) {
            List<String> best = new ArrayList<>(limit);
            for (int i : als.best(user, limit)) {
                if (als.score(user, i) > 0) {
                    best.add(ids.get(i));
                }
            }
            return best;
        }

        /** The viewer's taste score for a video; 0 for videos the fit did not see. */
        double taste(float[] user, String video) {
            Integer i = index.get(video);
            return i == null || user == null ? 0 : als.score(user, i);
        }
    }

    /**
     * EASE over the head of the catalogue.
     *
     * @param index video id → head index
     * @param ease  the fitted weights
     */
    record Head(Map<String, Integer> index, Ease ease) {
        /** The history's EASE scores for every video of the head, indexed like {@link #index}. */
        float[] scores(Map<String, Double> history) {
            Indexed h = Indexed.of(history, index);
            float[] out = new float[ease.items()];
            ease.score(h.items(), h.weights(), out);
            return out;
        }

        /** One video's score from {@link #scores}; 0 outside the head. */
        double score(float[] scores, String video) {
            Integer j = index.get(video);
            return j == null ? 0 : scores[j];
        }
    }

    /** A history in a model's item indexes; videos the model does not know are left out. */
    private record Indexed(int[] items, float[] weights) {
        static Indexed of(Map<String, Double> history, Map<String, Integer> index) {
            int[] items = new int[history.size()];
            float[] weights = new float[history.size()];
            int n = 0;
            for (Map.Entry<String, Double> e : history.entrySet()) {
                Integer i = index.get(e.getKey());
                if (i != null) {
                    items[n] = i;
                    weights[n++] = (float) (double) e.getValue();
                }
            }
            return new Indexed(Arrays.copyOf(items, n), Arrays.copyOf(weights, n));
        }
    }
}
