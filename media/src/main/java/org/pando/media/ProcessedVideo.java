package org.pando.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A finished ladder, or a finished audio clip.
 *
 * @param probe      what the source was ({@link ProbeResult#audioOnly()} for an audio clip)
 * @param renditions the names of the renditions written, each a directory under the master playlist: the rungs
 *                   largest first and {@code audio} for a video, {@code audio-128k} and {@code audio-64k} (with the
 *                   default bitrate) for an audio clip
 * @param directory  where: the master playlist and renditions, and the poster and storyboard of a video or the
 *                   waveform of an audio clip
 * @param loudness   the source audio's loudness as measured before normalising it; empty without audio
 */
public record ProcessedVideo(ProbeResult probe, List<String> renditions, Path directory, Optional<Loudness> loudness) {
    public ProcessedVideo {
        renditions = List.copyOf(renditions);
    }
}
