package org.pando.events;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * How far a reader of the log has read: in each partition, the place of the last event read (0 before any). Of a log
 * of one partition it is a single count, written as that number, so a position stored before the log had partitions
 * reads the same. Immutable.
 *
 * <pre>{@code
 * LogPosition read = LogPosition.START.after(Sequences.of(1, 7));
 * read.holds(Sequences.of(1, 5));           // true: read already
 * LogPosition.decode(read.encode());        // the same position
 * }</pre>
 */
public final class LogPosition {
    /** Before the first event of every partition. */
    public static final LogPosition START = new LogPosition(new long[0]);

    /** The places, without trailing partitions not read in; never changed. */
    private final long[] offsets;

    private LogPosition(long[] offsets) {
        this.offsets = offsets;
    }

    /** A position over {@code offsets}, which it owns from now on, less the trailing partitions not read in. */
    private static LogPosition owning(long[] offsets) {
        int length = offsets.length;
        while (length > 0 && offsets[length - 1] == 0) {
            length--;
        }
        return new LogPosition(length == offsets.length ? offsets : Arrays.copyOf(offsets, length));
    }

    /** The position after the {@code offsets[p]}th event of each partition p. */
    public static LogPosition of(long... offsets) {
        for (long offset : offsets) {
            if (offset < 0) {
                throw new IllegalArgumentException("A place in a partition is not negative: " + Arrays.toString(offsets));
            }
        }
        return owning(offsets.clone());
    }

    /** The position after the event of this sequence in its partition, and where this one is in the others. */
    public LogPosition after(long sequence) {
        int partition = Sequences.partition(sequence);
        long[] copy = Arrays.copyOf(offsets, Math.max(offsets.length, partition + 1));
        copy[partition] = Sequences.offset(sequence);
        return owning(copy);
    }

    /** The place of the last event read in a partition; 0 before any. */
    public long offset(int partition) {
        return partition < offsets.length ? offsets[partition] : 0;
    }

    /** The sequence to read a partition after. */
    public long sequence(int partition) {
        return Sequences.of(partition, offset(partition));
    }

    /** Whether the event of this sequence was read. */
    public boolean holds(long sequence) {
        return Sequences.offset(sequence) <= offset(Sequences.partition(sequence));
    }

    /** The partitions up to the last that has been read in. */
    public int partitions() {
        return offsets.length;
    }

    /** How many events are between this position and a later one, over all partitions. */
    public long behind(LogPosition later) {
        long behind = 0;
        for (int p = 0; p < later.offsets.length; p++) {
            behind += Math.max(0, later.offsets[p] - offset(p));
        }
        return behind;
    }

    /** How many events the position is after, over all partitions. */
    public long total() {
        return START.behind(this);
    }

    /** The position as text: the places in each partition, comma-separated ({@code "0"} at the start). */
    public String encode() {
        if (offsets.length == 0) {
            return "0";
        }
        StringJoiner text = new StringJoiner(",");
        for (long offset : offsets) {
            text.add(Long.toString(offset));
        }
        return text.toString();
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when it is not such a text
     */
    public static LogPosition decode(String text) {
        try {
            return of(Arrays.stream(text.trim().split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a position in the event log: '" + text + "'", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogPosition other && Arrays.equals(offsets, other.offsets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
        return "LogPosition[" + encode() + "]";
    }
}
