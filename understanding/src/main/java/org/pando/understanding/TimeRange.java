package org.pando.understanding;

/**
 * A stretch of media time.
 *
 * @param start seconds from the beginning
 * @param end   seconds from the beginning, not before {@code start}
 */
public record TimeRange(double start, double end) {
    public TimeRange {
        if (!(end >= start)) {
            throw new IllegalArgumentException("A time range ends after it starts: " + start + " to " + end);
        }
    }

    public double duration() {
        return end - start;
    }

    /** Whether {@code t} lies in [start, end). */
    public boolean contains(double t) {
        return t >= start && t < end;
    }
}
