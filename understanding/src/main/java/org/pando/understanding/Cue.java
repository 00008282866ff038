package org.pando.understanding;

/**
 * One caption: text shown from {@code start} to {@code end} seconds.
 *
 * @param start when it appears
 * @param end   when it goes
 * @param text  what it says
 */
public record Cue(double start, double end, String text) {
}
