package org.pando.eval;

import java.util.List;
import org.pando.learn.BlurSharpen;
import org.pando.learn.Ease;
import org.pando.learn.ImplicitAls;
import org.pando.learn.ItemKnn;
import org.pando.learn.ItemScorer;
import org.pando.learn.MostPopular;
import org.pando.learn.Progress;

/**
 * The models of the harness and their settings per dataset, fixed in code and reported with each run. EASE's
 * λ comes from the references (80 on Gowalla as in BARS, 5000 on KuaiRec as in the dataset's notes) and the
 * graph filter's Gowalla settings from its paper; the other settings are first choices, not yet tuned. The
 * ALS anchors ({@link AlsAnchor}) take the iALS row's settings.
 */
final class Models {
    /** The baselines, in report order. */
    static final List<String> BASELINES = List.of("MostPop", "ItemKNN", "EASE", "iALS");
    /** Pando's own models. */
    static final List<String> PANDO = List.of("Pando-blur-sharpen");
    /** Outside implementations, each from an optional module, run only when named. */
    static final List<String> ANCHORS = List.of(SparkLaunch.MODEL);

    private Models() {
    }

    /** One model's training: its name, settings description and how to fit it. */
    record Spec(String name, String settings, Trainer trainer) {
    }

    @FunctionalInterface
    interface Trainer {
        ItemScorer fit(Dataset data, Progress progress);
    }

    /** The model's spec for this dataset; the anchors read the training data to describe their settings. */
    static Spec spec(String name, Dataset data) {
        boolean gowalla = data.name().equals("gowalla");
        return switch (name) {
            case "MostPop" -> new Spec(name, "item degree", (d, p) -> MostPopular.fit(d.train()));
            case "ItemKNN" -> {
                int k = 200;
                float shrink = 10;
                yield new Spec(name, "cosine, k=" + k + ", shrink=" + shrink, (d, p) -> ItemKnn.fit(d.train(), k, shrink, p));
            }
            case "EASE" -> {
                float lambda = gowalla ? 80f : 5000f;
                yield new Spec(name, "λ=" + lambda, (d, p) -> Ease.fit(d.train(), lambda, p));
            }
            case "iALS" -> {
                ImplicitAls.Settings s = alsSettings(gowalla);
                yield new Spec(name, "k=" + s.factors() + ", iterations=" + s.iterations() + ", α=" + s.alpha() + ", λ="
                        + s.lambda() + ", CG steps=" + s.cgSteps(), (d, p) -> ImplicitAls.fit(d.train(), s, p));
            }
            case "Pando-blur-sharpen" -> {
                BlurSharpen.Settings s = gowalla
                        ? new BlurSharpen.Settings(448, 0.2f, 2.5f, 64, 4, 42L)
                        : new BlurSharpen.Settings(64, 0.2f, 1.0f, 32, 4, 42L);
                yield new Spec(name, "graph filter: SVD k=" + s.factors() + ", β=" + s.idealWeight() + ", T=" + s.sharpenTime(),
                        (d, p) -> BlurSharpen.fit(d.train(), s, p));
            }
            case SparkLaunch.MODEL -> {
                ImplicitAls.Settings s = alsSettings(gowalla);
                AlsAnchor anchor = AlsAnchor.named(name).orElseThrow(() -> new ModelUnavailable(SparkLaunch.HOW_TO_GET));
                yield new Spec(name, anchor.settings(data.train(), s), (d, p) -> anchor.fit(d.train(), s, p));
            }
            default -> throw unknown(name);
        };
    }

    /** Fails for a name that is none of the models, without loading any of them. */
    static void requireKnown(String name) {
        if (!BASELINES.contains(name) && !PANDO.contains(name) && !ANCHORS.contains(name)) {
            throw unknown(name);
        }
    }

    /** The iALS row's settings, which the ALS anchors share. */
    private static ImplicitAls.Settings alsSettings(boolean gowalla) {
        return gowalla
                ? new ImplicitAls.Settings(128, 15, 20f, 10f, 3, 42L)
                : new ImplicitAls.Settings(64, 15, 5f, 50f, 3, 42L);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("Unknown model '" + name + "'; known: " + BASELINES + " " + PANDO + " " + ANCHORS);
    }
}
