package org.pando.moderation;

/**
 * The sampled frame that holds a video for review.
 *
 * @param at         when it is shown, in seconds from the start
 * @param score      its NSFW score, 0 to 1
 * @param personSeen whether it shows a person (a face, or people covering enough of the picture)
 * @param threshold  the score it had to exceed, which depends on whether it shows a person
 */
public record FlaggedFrame(double at, double score, boolean personSeen, double threshold) {
}
