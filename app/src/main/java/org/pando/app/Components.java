package org.pando.app;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lifecycle components in the order they were started; {@link #close()} stops them in reverse, each
 * guarded, so one that fails to stop does not keep the others running.
 */
final class Components implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Components.class.getName());

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Records a started component and returns it. */
    <T extends AutoCloseable> T started(T component) {
        started.push(component);
        return component;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Stopping " + component.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
