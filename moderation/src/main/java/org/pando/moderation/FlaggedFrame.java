package org.pando.moderation;

import java.util.OptionalDouble;

/**
 * The picture that holds a video for review: a sampled frame, or the poster.
 *
 * @param at         when the frame is shown, in seconds from the start; empty for the poster
 * @param score      its NSFW score, 0 to 1
 * @param personSeen whether it shows a person (a face, or people covering enough of the picture)
 * @param threshold  the score it had to exceed, which depends on whether it shows a person
 */
public record FlaggedFrame(OptionalDouble at, double score, boolean personSeen, double threshold) {

    /** A sampled frame shown {@code at} seconds from the start. */
    public FlaggedFrame(double at, double score, boolean personSeen, double threshold) {
        this(OptionalDouble.of(at), score, personSeen, threshold);
    }

    /** Whether it is the poster rather than a frame of the video. */
    public boolean isPoster() {
        return at.isEmpty();
    }
}
