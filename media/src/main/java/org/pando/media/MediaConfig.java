package org.pando.media;

import java.time.Duration;
import java.util.List;

/**
 * Settings of media processing ({@code media.*}).
 *
 * @param ffmpeg          the ffmpeg executable ({@code media.ffmpeg}, default {@code ffmpeg} on the PATH)
 * @param ffprobe         the ffprobe executable ({@code media.ffprobe}, default {@code ffprobe})
 * @param ladder          rung heights, the short side in pixels, largest first ({@code media.ladder.rungs},
 *                        default 2160,1440,1080,720,480,360,240); only rungs up to the source are written
 * @param maxWidth        widest source accepted ({@code media.max-width}, default 7680)
 * @param maxHeight       tallest source accepted ({@code media.max-height}, default 7680, so 8K portrait fits)
 * @param maxPixels       largest frame accepted in pixels ({@code media.max-pixels}, default 7680x4320)
 * @param maxDuration     longest source accepted ({@code media.max-duration}, default 4 hours)
 * @param preset          x264 preset ({@code media.preset}, default veryfast)
 * @param segmentDuration HLS segment length ({@code media.segment-duration}, default 2 s)
 * @param audioKbps       AAC bitrate of every rendition ({@code media.audio-kbps}, default 128); an audio clip also
 *                        gets a rendition at half of it (at least 32)
 * @param loudness        where every rendition's audio is normalised ({@code media.loudness.integrated},
 *                        default -14 LUFS, and {@code media.loudness.true-peak}, default -1 dBTP)
 * @param waveform        how an audio clip's waveform picture is drawn ({@code media.waveform.*})
 */
public record MediaConfig(
        String ffmpeg,
        String ffprobe,
        List<Integer> ladder,
        int maxWidth,
        int maxHeight,
        long maxPixels,
        Duration maxDuration,
        String preset,
        Duration segmentDuration,
        int audioKbps,
        LoudnessTarget loudness,
        WaveformStyle waveform) {

    public MediaConfig {
        ladder = List.copyOf(ladder);
    }

    /** The embedded defaults. */
    public static MediaConfig defaults() {
        return new MediaConfig("ffmpeg", "ffprobe", List.of(2160, 1440, 1080, 720, 480, 360, 240), 7680, 7680,
                7680L * 4320, Duration.ofHours(4), "veryfast", Duration.ofSeconds(2), 128, LoudnessTarget.defaults(),
                WaveformStyle.defaults());
    }
}
