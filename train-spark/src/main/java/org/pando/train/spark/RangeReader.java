package org.pando.train.spark;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.pando.events.EventCodec;
import org.pando.events.LoggedEvent;
import org.pando.events.kafka.KafkaEventLog;
import scala.Tuple2;

/**
 * One task's share of the log, read a batch at a time and handed on as (viewer, (sequence, event bytes)), so that the
 * events can be grouped by viewer and folded in the log's order. The log is opened by the reader and closed once the
 * range is read.
 */
final class RangeReader implements Iterator<Tuple2<String, Tuple2<Long, byte[]>>> {
    private static final int BATCH = 10_000;

    private final KafkaEventLog log;
    private final SequenceRange range;
    private long position;
    private Iterator<LoggedEvent> batch = List.<LoggedEvent>of().iterator();
    private boolean closed;

    RangeReader(KafkaEventLog log, SequenceRange range) {
        this.log = log;
        this.range = range;
        this.position = range.after();
    }

    @Override
    public boolean hasNext() {
        while (!batch.hasNext() && !closed) {
            if (position >= range.upTo()) {
                close();
                break;
            }
            int max = (int) Math.min(BATCH, range.upTo() - position);
            List<LoggedEvent> read = log.readAfter(position, max);
            long past = read.isEmpty() ? log.pastGaps(position) : position;
            if (past > position) {
                // Only the markers that end transactions were left before the end of the range.
                position = past;
                continue;
            }
            if (read.isEmpty()) {
                close();
                throw new IllegalStateException("The event log ended at " + position + ", before event " + range.upTo()
                        + " it held when training started");
            }
            batch = read.stream().filter(e -> e.sequence() <= range.upTo()).iterator();
            position = read.getLast().sequence();
        }
        return batch.hasNext();
    }

    @Override
    public Tuple2<String, Tuple2<Long, byte[]>> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LoggedEvent e = batch.next();
        return new Tuple2<>(e.event().userId(), new Tuple2<>(e.sequence(), EventCodec.bytes(e.event())));
    }

    /** Closes the log; called when the range is read, and by the task when it ends early. */
    void close() {
        if (!closed) {
            closed = true;
            log.close();
        }
    }
}
