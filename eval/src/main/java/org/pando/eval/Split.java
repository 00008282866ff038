package org.pando.eval;

/**
 * Which held-out split a run is measured on. Settings are chosen on {@link #VALID} and reported on
 * {@link #TEST}, so the test labels never shape a model.
 */
public enum Split {
    /** The published protocol: train on train ∪ valid, test on test. */
    TEST,
    /** For tuning: train on train, test on valid; the test split is not read. */
    VALID;

    /** {@code test} or {@code valid}. */
    public static Split of(String name) {
        return switch (name) {
            case "test" -> TEST;
            case "valid" -> VALID;
            default -> throw new IllegalArgumentException("Unknown split '" + name + "'; use test or valid.");
        };
    }

    /** The lower-case name, as on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
