package org.pando.media;

import java.util.List;

/**
 * Everything one ffmpeg run writes for a source.
 *
 * @param rungs        the video renditions, largest first
 * @param audio        whether an audio rendition (and audio in the group) is written
 * @param posterIntervalMs time between poster candidates; the most detailed becomes the poster
 * @param posterWidth  poster width
 * @param posterHeight poster height
 * @param storyboard   the seek-preview sprite
 * @param durationMs   the source's duration
 * @param frames       how many frames the top rung will have, for progress
 */
public record LadderPlan(
        List<Rung> rungs,
        boolean audio,
        long posterIntervalMs,
        int posterWidth,
        int posterHeight,
        StoryboardPlan storyboard,
        long durationMs,
        long frames) {
    public LadderPlan {
        rungs = List.copyOf(rungs);
    }
}
