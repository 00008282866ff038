package org.pando.media;

/**
 * A programme's loudness after EBU R128, as ffmpeg's {@code loudnorm} measures it.
 *
 * @param integratedLufs integrated loudness in LUFS
 * @param truePeakDbtp   true peak in dBTP
 * @param rangeLu        loudness range in LU
 * @param thresholdLufs  the gating threshold of the measurement in LUFS
 * @param offsetLu       loudnorm's offset gain for the second pass in LU
 */
public record Loudness(double integratedLufs, double truePeakDbtp, double rangeLu, double thresholdLufs, double offsetLu) {
    /** Below this a track is taken to be silence (room tone at most) and is never amplified. */
    public static final double SILENT_BELOW_LUFS = -50;

    /** Whether the track is silence: normalising it would only amplify noise. */
    public boolean silent() {
        return !(integratedLufs >= SILENT_BELOW_LUFS);
    }

    /**
     * The second pass of two-pass {@code loudnorm} to {@code target}: linear gain where the true-peak
     * ceiling allows it (loudnorm falls back to its dynamic mode otherwise).
     */
    public String normalisationFilter(LoudnessTarget target) {
        return String.format(java.util.Locale.ROOT,
                "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:measured_I=%.2f:measured_TP=%.2f:measured_LRA=%.2f:measured_thresh=%.2f"
                        + ":offset=%.2f:linear=true:print_format=json",
                target.integratedLufs(), target.truePeakDbtp(), Math.max(LoudnessTarget.RANGE_LU, Math.min(50, rangeLu)),
                integratedLufs, truePeakDbtp, rangeLu, thresholdLufs, offsetLu);
    }
}
