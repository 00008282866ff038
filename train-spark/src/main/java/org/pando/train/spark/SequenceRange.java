package org.pando.train.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.pando.events.LogPosition;
import org.pando.events.Sequences;

/**
 * The events of one partition of the log after sequence {@code after} up to and including {@code upTo}: one Spark
 * task's share.
 *
 * @param after the sequence before the first event
 * @param upTo  the sequence of the last event, in the same partition
 */
record SequenceRange(long after, long upTo) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    SequenceRange {
        if (after < 0 || upTo < after || Sequences.partition(after) != Sequences.partition(upTo)) {
            throw new IllegalArgumentException("No range of events after " + after + " up to " + upTo);
        }
    }

    /**
     * Every event before {@code end}, in about {@code parts} ranges of nearly equal length (more when the partitions
     * do not divide evenly), each within one partition.
     */
    static List<SequenceRange> split(LogPosition end, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("At least one part, not " + parts);
        }
        List<SequenceRange> ranges = new ArrayList<>();
        long size = Math.max(1, (end.total() + parts - 1) / parts);
        for (int p = 0; p < end.partitions(); p++) {
            long last = end.offset(p);
            for (long after = 0; after < last; after += size) {
                ranges.add(new SequenceRange(Sequences.of(p, after), Sequences.of(p, Math.min(last, after + size))));
            }
        }
        return ranges;
    }
}
