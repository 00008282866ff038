package org.pando.understanding;

import java.util.Optional;

/**
 * Where one step of a video's analysis stands.
 *
 * @param status   waiting, running, done, failed, or skipped when the step does not apply (the picture steps of an
 *                 audio clip)
 * @param progress fraction done, 0 to 1
 * @param error    when failed: what went wrong, for the uploader
 */
public record StepState(Status status, double progress, Optional<String> error) {
    public static final StepState WAITING = new StepState(Status.WAITING, 0, Optional.empty());
    public static final StepState DONE = new StepState(Status.DONE, 1, Optional.empty());
    public static final StepState SKIPPED = new StepState(Status.SKIPPED, 1, Optional.empty());

    public static StepState running(double progress) {
        return new StepState(Status.RUNNING, Math.max(0, Math.min(1, progress)), Optional.empty());
    }

    public static StepState failed(String error) {
        return new StepState(Status.FAILED, 0, Optional.of(error));
    }

    /** The states a step goes through. */
    public enum Status {
        WAITING, RUNNING, DONE, FAILED, SKIPPED;

        /** Whether the step is over: it will not move on unless the analysis is run again. */
        public boolean finished() {
            return this == DONE || this == FAILED || this == SKIPPED;
        }

        /** The lower-case name used in the API and the database. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
