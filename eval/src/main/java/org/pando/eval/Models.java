package org.pando.eval;

import java.util.List;
import java.util.Optional;
import org.pando.learn.BlurSharpen;
import org.pando.learn.Ease;
import org.pando.learn.ExposurePolicy;
import org.pando.learn.ImplicitAls;
import org.pando.learn.ItemKnn;
import org.pando.learn.ItemScorer;
import org.pando.learn.MostPopular;
import org.pando.learn.Progress;

/**
 * The models of the harness and their settings per dataset, fixed in code and reported with each run. EASE's
 * λ comes from the references (80 on Gowalla as in BARS, 5000 on KuaiRec as in the dataset's notes) and the
 * graph filter's Gowalla settings from its paper; the hybrid's weights were chosen on the validation split
 * ({@link PandoHybrid}); the other settings are first choices, not yet tuned. The ALS anchors
 * ({@link AlsAnchor}) take the iALS row's settings.
 *
 * <p>{@code Pando-fair-<x>} is the hybrid with its lists under an {@link ExposurePolicy}: the top 1% of the
 * catalogue may take at most the share {@code x} of the round's impressions.
 */
final class Models {
    /** The baselines, in report order. */
    static final List<String> BASELINES = List.of("MostPop", "ItemKNN", "EASE", "iALS");
    /** Pando's own models. */
    static final List<String> PANDO = List.of("Pando-blur-sharpen", "Pando-hybrid", "Pando-fair-0.5", "Pando-fair-0.3",
            "Pando-fair-0.1");
    static final int KNN_NEIGHBOURS = 200;
    static final float KNN_SHRINK = 10;
    private static final String FAIR = "Pando-fair-";
    private static final double HEAD = 0.01;
    /** Outside implementations, each from an optional module, run only when named. */
    static final List<String> ANCHORS = List.of(SparkLaunch.MODEL);

    private Models() {
    }

    /**
     * One model's training: its name, settings description, how to fit it, and the exposure policy its lists
     * are built under, if any.
     */
    record Spec(String name, String settings, Trainer trainer, Optional<ExposurePolicy.Settings> exposure) {
        Spec(String name, String settings, Trainer trainer) {
            this(name, settings, trainer, Optional.empty());
        }
    }

    @FunctionalInterface
    interface Trainer {
        ItemScorer fit(Dataset data, Progress progress);
    }

    /** The model's spec for this dataset; the anchors read the training data to describe their settings. */
    static Spec spec(String name, Dataset data) {
        boolean gowalla = data.name().equals("gowalla");
        if (name.startsWith(FAIR)) {
            return fair(name, data);
        }
        return switch (name) {
            case "MostPop" -> new Spec(name, "item degree", (d, p) -> MostPopular.fit(d.train()));
            case "ItemKNN" -> new Spec(name, "cosine, k=" + KNN_NEIGHBOURS + ", shrink=" + KNN_SHRINK,
                    (d, p) -> ItemKnn.fit(d.train(), KNN_NEIGHBOURS, KNN_SHRINK, p));
            case "EASE" -> {
                float lambda = easeLambda(gowalla);
                yield new Spec(name, "λ=" + lambda, (d, p) -> Ease.fit(d.train(), lambda, p));
            }
            case "iALS" -> {
                ImplicitAls.Settings s = als(gowalla);
                yield new Spec(name, "k=" + s.factors() + ", iterations=" + s.iterations() + ", α=" + s.alpha() + ", λ="
                        + s.lambda() + (s.degreePower() == 0 ? "" : "·(n/n̄)^" + s.degreePower()) + ", CG steps=" + s.cgSteps(),
                        (d, p) -> ImplicitAls.fit(d.train(), s, p));
            }
            case "Pando-blur-sharpen" -> {
                BlurSharpen.Settings s = graphFilter(gowalla);
                yield new Spec(name, "graph filter: SVD k=" + s.factors() + ", β=" + s.idealWeight() + ", T=" + s.sharpenTime(),
                        (d, p) -> BlurSharpen.fit(d.train(), s, p));
            }
            case "Pando-hybrid" -> {
                float[] weights = PandoHybrid.chosenWeights(gowalla);
                yield new Spec(name, PandoHybrid.describe(weights), (d, p) -> PandoHybrid.fit(d, gowalla, weights, p));
            }
            case SparkLaunch.MODEL -> {
                ImplicitAls.Settings s = als(gowalla);
                AlsAnchor anchor = AlsAnchor.named(name).orElseThrow(() -> new ModelUnavailable(SparkLaunch.HOW_TO_GET));
                yield new Spec(name, anchor.settings(data.train(), s), (d, p) -> anchor.fit(d.train(), s, p));
            }
            default -> throw unknown(name);
        };
    }

    /** Fails for a name that is none of the models, without loading any of them. */
    static void requireKnown(String name) {
        if (!BASELINES.contains(name) && !PANDO.contains(name) && !ANCHORS.contains(name) && !name.startsWith(FAIR)) {
            throw unknown(name);
        }
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("Unknown model '" + name + "'; known: " + BASELINES + " " + PANDO + " " + ANCHORS
                + " and " + FAIR + "<share>");
    }

    private static Spec fair(String name, Dataset data) {
        double share;
        try {
            share = Double.parseDouble(name.substring(FAIR.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' should name a share, as in " + FAIR + "0.3", e);
        }
        ExposurePolicy.Settings policy = new ExposurePolicy.Settings(HEAD, share);
        Spec hybrid = spec("Pando-hybrid", data);
        return new Spec(name, "Pando-hybrid, top 1% of items ≤ " + share + " of impressions", hybrid.trainer(),
                Optional.of(policy));
    }

    static float easeLambda(boolean gowalla) {
        return gowalla ? 80f : 5000f;
    }

    /**
     * The iALS row's settings, which the hybrid and the ALS anchors share. On Gowalla the penalty grows with a
     * row's interactions (ν = 1, chosen on the validation split), as Spark's ALS-WR penalty does.
     */
    static ImplicitAls.Settings als(boolean gowalla) {
        return gowalla ? new ImplicitAls.Settings(128, 15, 20f, 10f, 3, 42L, 1f) : new ImplicitAls.Settings(64, 15, 5f, 50f, 3, 42L);
    }

    static BlurSharpen.Settings graphFilter(boolean gowalla) {
        return gowalla
                ? new BlurSharpen.Settings(448, 0.2f, 2.5f, 64, 4, 42L)
                : new BlurSharpen.Settings(64, 0.2f, 1.0f, 32, 4, 42L);
    }
}
