package org.pando.understanding;

/**
 * One page of Video Slide: a stretch of the video, what is said in it and the moment its picture is taken from.
 *
 * @param start   seconds from the beginning
 * @param end     seconds from the beginning
 * @param text    the words said in it
 * @param frameAt the moment of its representative picture
 */
public record SlidePage(double start, double end, String text, double frameAt) {
}
