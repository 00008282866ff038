package org.pando.train.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of the log after sequence {@code after} up to and including {@code upTo}: one Spark task's share.
 *
 * @param after the sequence before the first event
 * @param upTo  the sequence of the last event
 */
record SequenceRange(long after, long upTo) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    SequenceRange {
        if (after < 0 || upTo < after) {
            throw new IllegalArgumentException("No range of events after " + after + " up to " + upTo);
        }
    }

    /** Events 1 to {@code last} in at most {@code parts} ranges of nearly equal length, in order. */
    static List<SequenceRange> split(long last, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("At least one part, not " + parts);
        }
        List<SequenceRange> ranges = new ArrayList<>();
        long size = Math.max(1, (last + parts - 1) / parts);
        for (long after = 0; after < last; after += size) {
            ranges.add(new SequenceRange(after, Math.min(last, after + size)));
        }
        return ranges;
    }
}
