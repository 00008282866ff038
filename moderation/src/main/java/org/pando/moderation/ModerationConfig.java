package org.pando.moderation;

/**
 * Settings of moderation ({@code moderation.*}).
 *
 * @param holdThreshold              NSFW score above which a frame showing a person holds its video for review
 *                                   ({@code moderation.hold-threshold}, default 0.8)
 * @param holdThresholdWithoutPerson NSFW score above which a frame without a person holds its video
 *                                   ({@code moderation.hold-threshold-without-person}, default 0.95; raised to
 *                                   {@code holdThreshold} when set below it)
 * @param minPersonCoverage          share of the picture that people must cover for a frame without a face to count
 *                                   as showing a person ({@code moderation.min-person-coverage}, default 0.05)
 */
public record ModerationConfig(double holdThreshold, double holdThresholdWithoutPerson, double minPersonCoverage) {

    public ModerationConfig {
        check("hold-threshold", holdThreshold);
        check("hold-threshold-without-person", holdThresholdWithoutPerson);
        check("min-person-coverage", minPersonCoverage);
        holdThresholdWithoutPerson = Math.max(holdThreshold, holdThresholdWithoutPerson);
    }

    /** The defaults. */
    public static ModerationConfig defaults() {
        return new ModerationConfig(0.8, 0.95, 0.05);
    }

    /** The same settings with another hold threshold. */
    public ModerationConfig withHoldThreshold(double threshold) {
        return new ModerationConfig(threshold, holdThresholdWithoutPerson, minPersonCoverage);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("moderation." + name + " must be from 0 to 1, not " + value);
        }
    }
}
