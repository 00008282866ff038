package org.pando.events;

import java.util.List;

/**
 * The durable, ordered log of user events.
 *
 * <p>{@link #append} returns only once the whole batch is durable (it survives {@code kill -9}); readers
 * see events in sequence order, and a sequence, once read, never gains an earlier neighbour.
 *
 * <p>A log may be split into {@link #partitions()}, each with its own order, every viewer's events in one of them
 * (a Kafka topic partitioned by viewer): a viewer's events keep their order, and a reader reads each partition on
 * its own, from the sequence before the first event it wants ({@link Sequences}). A log of one partition numbers its
 * events 1, 2, 3…
 *
 * <pre>{@code
 * log.append(List.of(event));
 * for (int p = 0; p < log.partitions(); p++) {
 *     for (LoggedEvent e : log.readAfter(Sequences.of(p, 0), 1000)) { ... }
 * }
 * }</pre>
 */
public interface EventLog {
    /**
     * Appends the batch atomically and durably and returns the sequence of its last event (0 for an empty
     * batch), so a writer can wait for consumers to have seen its own events.
     */
    long append(List<UserEvent> events);

    /** The sequence of the last durable event of the first partition; 0 when it is empty. */
    long lastSequence();

    /**
     * Up to {@code max} events of the partition {@code sequence} is in with a sequence greater than {@code sequence},
     * in order.
     */
    List<LoggedEvent> readAfter(long sequence, int max);

    /**
     * Where a reader that has read every event of a partition up to {@code sequence} stands once it has passed the
     * places after it that hold no event, when no event follows them: {@code sequence} itself in a log that numbers
     * its events without gaps; in a Kafka topic, the place after the markers that end each transaction (and the
     * records of aborted ones) at the partition's end. Readers ask when a read comes back empty, so that their
     * position, and their lag, reach the end of the log.
     */
    default long pastGaps(long sequence) {
        return sequence;
    }

    /** How many partitions the log has. */
    default int partitions() {
        return 1;
    }

    /** The sequence of the last durable event of a partition; {@code Sequences.of(partition, 0)} when it is empty. */
    default long lastSequence(int partition) {
        if (partition != 0) {
            throw new IllegalArgumentException("This log has one partition, not " + (partition + 1));
        }
        return lastSequence();
    }

    /** Where the log ends now: after its last durable event in every partition. */
    default LogPosition end() {
        LogPosition end = LogPosition.START;
        for (int p = 0; p < partitions(); p++) {
            end = end.after(lastSequence(p));
        }
        return end;
    }
}
