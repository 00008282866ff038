package org.pando.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Settings of the event log ({@code events.*}).
 *
 * @param store     where events are kept ({@code events.store}): {@code segments}, the default, or {@code database}
 * @param segments  the segment files' directory ({@code <data-dir>/events})
 * @param maxQueued most events waiting to be written before batches are refused ({@code events.max-queued})
 * @param poll      how often the event stream looks for events appended by other processes ({@code events.poll-interval})
 * @param kafka     the Kafka topic, when the store is {@link Store#KAFKA}
 */
public record EventsConfig(Store store, Path segments, int maxQueued, Duration poll, Optional<Kafka> kafka) {

    /**
     * Where a Kafka log is ({@code events.kafka.*}).
     *
     * @param bootstrap the brokers to start from, such as {@code 127.0.0.1:9092} ({@code events.kafka.bootstrap})
     * @param topic     the topic, made at the first start when missing ({@code events.kafka.topic})
     * @param timeout   how long an append waits for the brokers before it is refused ({@code events.kafka.timeout})
     * @param partitions how many partitions a topic Pando makes is split into, by viewer
     *                  ({@code events.kafka.partitions}); a topic that exists keeps its own
     */
    public record Kafka(String bootstrap, String topic, Duration timeout, int partitions) {
        public Kafka {
            if (partitions < 1 || partitions > Sequences.MAX_PARTITIONS) {
                throw new IllegalArgumentException("events.kafka.partitions must be from 1 to " + Sequences.MAX_PARTITIONS
                        + ", not " + partitions);
            }
        }
    }

    /** Where the events are kept. */
    public enum Store {
        /** Append-only segment files on local disk ({@link SegmentEventLog}). */
        SEGMENTS,
        /** The {@code events} table of the database, which several processes can share. */
        DATABASE,
        /** A Kafka topic, which several processes can share; chosen by setting {@code events.kafka.bootstrap}. */
        KAFKA;

        /** The setting's value: {@code segments} or {@code database}. */
        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
