package org.pando.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pando.learn.BlurSharpen;
import org.pando.learn.Ease;
import org.pando.learn.Hybrid;
import org.pando.learn.ImplicitAls;
import org.pando.learn.ItemKnn;
import org.pando.learn.ItemScorer;
import org.pando.learn.PopularityPrior;
import org.pando.learn.Progress;

/**
 * Pando's hybrid as the harness runs it: a {@link Hybrid} of the engine's sources (a popularity prior that
 * uses negative feedback where it is known, item-item co-occurrence, iALS, EASE and the graph filter), each
 * with the settings of its own row, and the user's negatives sunk to the bottom. The weights were chosen on
 * the train → valid split by {@link HybridSearch}; EASE is left out on Gowalla, where it needs 7 GB.
 */
final class PandoHybrid {
    /** The sources, in weight order. */
    static final List<String> SOURCES = List.of("popularity", "co-occurrence", "iALS", "EASE", "graph filter");
    /** The prior's smoothing, in exposures. */
    static final float PRIOR_SMOOTHING = 10f;

    /**
     * Chosen by {@link HybridSearch} on KuaiRec's train → valid split: the simplest blend within 0.0002 of the
     * grid's best NDCG@20 (0.0428 against 0.0430; the prior alone 0.0416).
     */
    private static final float[] KUAIREC = {1f, 0f, 0.25f, 0f, 0.25f};
    /**
     * Chosen by {@link HybridSearch} on Gowalla's train → valid split: the grid's best NDCG@20 (0.1288 against
     * the graph filter's 0.1235 alone); popularity adds nothing there.
     */
    private static final float[] GOWALLA = {0f, 0.25f, 0.5f, 0f, 1f};

    private PandoHybrid() {
    }

    static float[] chosenWeights(boolean gowalla) {
        return (gowalla ? GOWALLA : KUAIREC).clone();
    }

    /** The blend for reports, such as {@code popularity 1 + iALS 0.25}. */
    static String describe(float[] weights) {
        List<String> terms = new ArrayList<>();
        for (int s = 0; s < weights.length; s++) {
            if (weights[s] != 0f) {
                terms.add(SOURCES.get(s) + " " + String.format(Locale.ROOT, "%.2f", weights[s]).replaceFirst("\\.?0+$", ""));
            }
        }
        return "z-scores: " + String.join(" + ", terms) + "; negatives sink";
    }

    /** The hybrid with these weights; sources weighted 0 are not fitted. */
    static Hybrid fit(Dataset data, boolean gowalla, float[] weights, Progress progress) {
        List<Hybrid.Source> sources = new ArrayList<>();
        for (int s = 0; s < SOURCES.size(); s++) {
            if (weights[s] != 0f) {
                sources.add(new Hybrid.Source(SOURCES.get(s), fitSource(s, data, gowalla, progress), weights[s]));
            }
        }
        return Hybrid.of(sources);
    }

    /** Every source that may run on this dataset, weighted 1, for the weight search. */
    static Hybrid fitAll(Dataset data, boolean gowalla, Progress progress) {
        float[] all = new float[SOURCES.size()];
        java.util.Arrays.fill(all, 1f);
        if (gowalla) {
            all[SOURCES.indexOf("EASE")] = 0f;
        }
        return fit(data, gowalla, all, progress);
    }

    private static ItemScorer fitSource(int source, Dataset d, boolean gowalla, Progress p) {
        return switch (SOURCES.get(source)) {
            case "popularity" -> PopularityPrior.fit(d.train(), d.trainNegatives(), PRIOR_SMOOTHING);
            case "co-occurrence" -> ItemKnn.fit(d.train(), Models.KNN_NEIGHBOURS, Models.KNN_SHRINK, p);
            case "iALS" -> ImplicitAls.fit(d.train(), Models.als(gowalla), p);
            case "EASE" -> {
                if (gowalla) {
                    throw new IllegalArgumentException("The hybrid leaves EASE out on Gowalla (a 7 GB matrix)");
                }
                yield Ease.fit(d.train(), Models.easeLambda(gowalla), p);
            }
            case "graph filter" -> BlurSharpen.fit(d.train(), Models.graphFilter(gowalla), p);
            default -> throw new IllegalStateException(SOURCES.get(source));
        };
    }
}
