package org.pando.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Settings of the event log ({@code events.*}).
 *
 * @param store     where events are kept ({@code events.store}): {@code segments}, the default, or {@code database}
 * @param segments  the segment files' directory ({@code <data-dir>/events})
 * @param maxQueued most events waiting to be written before batches are refused ({@code events.max-queued})
 * @param poll      how often the event stream looks for events appended by other processes ({@code events.poll-interval})
 */
public record EventsConfig(Store store, Path segments, int maxQueued, Duration poll) {

    /** Where the events are kept. */
    public enum Store {
        /** Append-only segment files on local disk ({@link SegmentEventLog}). */
        SEGMENTS,
        /** The {@code events} table of the database, which several processes can share. */
        DATABASE;

        /** The setting's value: {@code segments} or {@code database}. */
        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
