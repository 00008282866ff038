package org.pando.understanding;

/**
 * How much of the picture shows people at one moment.
 *
 * @param t        when, in seconds from the start
 * @param coverage the share of the picture, 0 to 1
 */
public record PersonCoverage(double t, double coverage) {
}
