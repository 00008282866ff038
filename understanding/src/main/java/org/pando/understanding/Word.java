package org.pando.understanding;

/**
 * One recognised word and when it was said.
 *
 * @param text       the word, lower case as the recogniser writes it
 * @param start      when it starts, in seconds from the beginning of the media
 * @param end        when it ends, in seconds
 * @param confidence the recogniser's confidence, 0 to 1
 */
public record Word(String text, double start, double end, double confidence) {
}
