package org.pando.app;

import org.pando.events.EventLog;
import org.pando.events.EventsConfig;
import org.pando.events.SegmentEventLog;
import org.pando.events.kafka.KafkaEventLog;
import org.pando.store.Database;
import org.pando.store.EventsToSegments;
import org.pando.store.JdbiEventLog;

/** Opens the event log {@code events.store} or {@code events.kafka.bootstrap} names. */
final class EventLogs {
    private EventLogs() {
    }

    /**
     * The configured log; segment files are opened after moving in what an earlier version kept in the database, and
     * recorded in {@code components} to be closed.
     */
    static EventLog open(EventsConfig config, Database database, Components components) {
        return switch (config.store()) {
            case DATABASE -> new JdbiEventLog(database.jdbi());
            case KAFKA -> components.started(KafkaEventLog.open(config.kafka().orElseThrow()));
            case SEGMENTS -> {
                EventsToSegments.move(database.jdbi(), config.segments());
                yield components.started(SegmentEventLog.open(config.segments(), SegmentEventLog.DEFAULT_SEGMENT_BYTES,
                        config.maxQueued()));
            }
        };
    }
}
