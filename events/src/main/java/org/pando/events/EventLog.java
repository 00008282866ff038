package org.pando.events;

import java.util.List;

/**
 * The durable, ordered log of user events.
 *
 * <p>{@link #append} returns only once the whole batch is durable (it survives {@code kill -9}); readers
 * see events in sequence order, and a sequence, once read, never gains an earlier neighbour.
 *
 * <pre>{@code
 * log.append(List.of(event));
 * for (LoggedEvent e : log.readAfter(0, 1000)) { ... }
 * }</pre>
 */
public interface EventLog {
    /**
     * Appends the batch atomically and durably and returns the sequence of its last event (0 for an empty
     * batch), so a writer can wait for consumers to have seen its own events.
     */
    long append(List<UserEvent> events);

    /** The sequence of the last durable event; 0 when the log is empty. */
    long lastSequence();

    /** Up to {@code max} events with a sequence greater than {@code sequence}, in order. */
    List<LoggedEvent> readAfter(long sequence, int max);
}
