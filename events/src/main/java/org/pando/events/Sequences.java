package org.pando.events;

/**
 * The sequence numbers of a log of several partitions: each partition numbers its own events from 1, and a sequence
 * carries its partition in its high bits, so one {@code long} still names one event and the partition to read after
 * it. A log of one partition numbers its events 1, 2, 3…, as a plain count.
 *
 * <pre>{@code
 * long sequence = Sequences.of(2, 41);      // the 41st event of partition 2
 * Sequences.partition(sequence);           // 2
 * Sequences.offset(sequence);              // 41
 * }</pre>
 */
public final class Sequences {
    private static final int OFFSET_BITS = 48;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    /** Most partitions a log may have. */
    public static final int MAX_PARTITIONS = 1 << 15;

    private Sequences() {
    }

    /** The sequence of the {@code offset}th event of {@code partition} (0 for the place before its first). */
    public static long of(int partition, long offset) {
        if (partition < 0 || partition >= MAX_PARTITIONS) {
            throw new IllegalArgumentException("A partition from 0 to " + (MAX_PARTITIONS - 1) + ", not " + partition);
        }
        if (offset < 0 || offset > OFFSET_MASK) {
            throw new IllegalArgumentException("An event's place in its partition from 0 to " + OFFSET_MASK + ", not " + offset);
        }
        return (long) partition << OFFSET_BITS | offset;
    }

    /** The partition a sequence is in. */
    public static int partition(long sequence) {
        return (int) (sequence >>> OFFSET_BITS);
    }

    /** The place of a sequence's event in its partition, from 1. */
    public static long offset(long sequence) {
        return sequence & OFFSET_MASK;
    }
}
