package org.pando.understanding;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A model loaded on first use under a lock of its own, so that one model loading does not hold up the users of
 * another, and let go of on {@link #close()}; a use after that loads it again.
 *
 * @param <T> the model
 */
final class LoadedOnce<T> {
    private final Supplier<T> load;
    private final Consumer<T> unload;
    private T model;

    LoadedOnce(Supplier<T> load, Consumer<T> unload) {
        this.load = load;
        this.unload = unload;
    }

    /** The model, loaded now when this is its first use. */
    synchronized T get() {
        if (model == null) {
            model = load.get();
        }
        return model;
    }

    /** Lets go of the model, if it was loaded. */
    synchronized void close() {
        if (model != null) {
            unload.accept(model);
            model = null;
        }
    }
}
