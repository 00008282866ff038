package org.pando.search;

/**
 * Where in a video the searched words are said.
 *
 * @param start the start of the caption that says them, in seconds
 * @param text  that caption's text
 */
public record SpokenMoment(double start, String text) {
}
