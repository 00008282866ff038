package org.pando.media;

import java.util.ArrayList;
import java.util.List;

/**
 * What one ffmpeg run writes for an audio clip: its AAC renditions under a master playlist, the best first.
 *
 * @param renditions the renditions: {@code media.audio-kbps} and, for listeners on a poor connection, half of it
 *                   (at least {@link #LOWEST_KBPS})
 * @param durationMs the source's duration, against which progress is measured
 */
public record AudioPlan(List<AudioRendition> renditions, long durationMs) {
    /** The lowest bitrate written, in kbit/s: below it AAC speech turns muddy. */
    static final int LOWEST_KBPS = 32;

    public AudioPlan {
        renditions = List.copyOf(renditions);
    }

    /** The plan for an accepted audio-only source. */
    static AudioPlan of(MediaConfig config, ProbeResult probe) {
        List<AudioRendition> renditions = new ArrayList<>();
        renditions.add(rendition(config.audioKbps()));
        int low = Math.max(LOWEST_KBPS, config.audioKbps() / 2);
        if (low < config.audioKbps()) {
            renditions.add(rendition(low));
        }
        return new AudioPlan(renditions, probe.durationMs());
    }

    private static AudioRendition rendition(int kbps) {
        return new AudioRendition("audio-" + kbps + "k", kbps);
    }
}
