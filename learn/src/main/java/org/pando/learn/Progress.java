package org.pando.learn;

/**
 * Hears how far a long computation is, for progress bars.
 *
 * <pre>{@code
 * Progress bar = (stage, fraction) -> System.err.printf("%s %3.0f%%%n", stage, fraction * 100);
 * }</pre>
 */
@FunctionalInterface
public interface Progress {
    /** Silence. */
    Progress NONE = (stage, fraction) -> { };

    /**
     * @param stage    what is being done, such as {@code gram matrix}
     * @param fraction how much of that stage is done, 0 to 1
     */
    void report(String stage, double fraction);
}
