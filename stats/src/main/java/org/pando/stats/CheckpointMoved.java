package org.pando.stats;

import org.pando.events.LogPosition;

/**
 * The statistics' checkpoint was no longer where a write expected it: another process folding the same log wrote
 * first. Nothing of the failed write was kept.
 */
public final class CheckpointMoved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckpointMoved(LogPosition expected) {
        super("The statistics' checkpoint moved past " + expected + " meanwhile: another process is adding the same events");
    }
}
