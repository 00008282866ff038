package org.pando.media;

import java.util.Optional;

/**
 * What ffprobe found in a source.
 *
 * @param formatName container format, such as {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param durationMs duration in milliseconds, 0 when unknown
 * @param video      the first video stream, if any (a cover picture attached to a song is not one)
 * @param hasAudio   whether there is an audio stream
 */
public record ProbeResult(String formatName, long durationMs, Optional<VideoTrack> video, boolean hasAudio) {

    /** Sound without a picture: a podcast, a voice memo, a song. It becomes an audio clip rather than a video. */
    public boolean audioOnly() {
        return video.isEmpty() && hasAudio;
    }
}
