package org.pando.eval;

import java.util.Optional;
import java.util.ServiceLoader;
import org.pando.learn.ImplicitAls;
import org.pando.learn.Interactions;
import org.pando.learn.ItemScorer;
import org.pando.learn.Progress;

/**
 * Implicit ALS from an outside library, trained with the settings of the harness's own iALS row so the two
 * rows compare like for like. Implementations live in optional modules (such as {@code eval-spark}) that the
 * harness never depends on at compile time; a child JVM finds them with {@link ServiceLoader}.
 *
 * <pre>{@code
 * AlsAnchor anchor = AlsAnchor.named("SparkALS").orElseThrow();
 * ItemScorer scorer = anchor.fit(train, new ImplicitAls.Settings(64, 15, 5f, 50f, 3, 42L), Progress.NONE);
 * }</pre>
 */
public interface AlsAnchor {
    /** The row's name in the report, such as {@code SparkALS}. */
    String name();

    /**
     * What these settings become in this implementation when it trains on {@code train}, for the report;
     * {@code cgSteps} may not apply.
     */
    String settings(Interactions train, ImplicitAls.Settings als);

    /** Trains on {@code train} and returns a scorer over all of its items; includes any engine start and stop. */
    ItemScorer fit(Interactions train, ImplicitAls.Settings als, Progress progress);

    /** The implementation of that name on the class path, if a module provides it. */
    static Optional<AlsAnchor> named(String name) {
        return ServiceLoader.load(AlsAnchor.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(anchor -> anchor.name().equals(name))
                .findFirst();
    }
}
