package org.pando.media;

/**
 * Where every rendition's audio is brought ({@code media.loudness.*}).
 *
 * @param integratedLufs integrated loudness in LUFS (default -14, as the large platforms play)
 * @param truePeakDbtp   the true-peak ceiling in dBTP (default -1)
 */
public record LoudnessTarget(double integratedLufs, double truePeakDbtp) {
    /** The loudness range asked of loudnorm: its default, widened to the programme's own so the gain stays linear. */
    static final double RANGE_LU = 11;

    public LoudnessTarget {
        if (!(integratedLufs >= -70 && integratedLufs <= -5)) {
            throw new IllegalArgumentException("media.loudness.integrated must be between -70 and -5 LUFS, not " + integratedLufs);
        }
        if (!(truePeakDbtp >= -9 && truePeakDbtp <= 0)) {
            throw new IllegalArgumentException("media.loudness.true-peak must be between -9 and 0 dBTP, not " + truePeakDbtp);
        }
    }

    /** -14 LUFS integrated, -1 dBTP. */
    public static LoudnessTarget defaults() {
        return new LoudnessTarget(-14, -1);
    }
}
