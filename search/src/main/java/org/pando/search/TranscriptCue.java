package org.pando.search;

/**
 * One caption of what is said in a video.
 *
 * @param start when it is said, in seconds from the start
 * @param end   when it ends, in seconds
 * @param text  what is said
 */
public record TranscriptCue(double start, double end, String text) {
}
