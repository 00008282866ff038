package org.pando.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.pando.domain.FileTrees;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.SegmentEventLog;

/**
 * Moves the events of an instance that kept them in the database into a new segment log, once.
 *
 * <p>The events are copied in order into a staging directory beside the log's; then one transaction renumbers the
 * statistics' checkpoint (the segment log numbers events from 1 without the table's gaps) and empties the table; then
 * the staging directory is renamed into place. A crash leaves either the table's events (the copy is begun again) or
 * an empty table and a complete staging directory (the rename is finished), so nothing is lost or counted twice.
 *
 * <pre>{@code
 * EventsToSegments.move(jdbi, dataDir.resolve("events"));
 * SegmentEventLog log = SegmentEventLog.open(dataDir.resolve("events"));
 * }</pre>
 */
public final class EventsToSegments {
    private static final System.Logger LOG = System.getLogger(EventsToSegments.class.getName());
    private static final int BATCH = 10_000;
    private static final long REPORT_EVERY = 1_000_000;

    private EventsToSegments() {
    }

    /**
     * Moves the table's events into the segment log at {@code segments} unless that log exists already; returns how
     * many were moved.
     */
    public static long move(Jdbi jdbi, Path segments) {
        Path staging = segments.resolveSibling(segments.getFileName() + ".moving");
        long inTable = jdbi.withHandle(h -> h.createQuery("select count(*) from events").mapTo(Long.class).one());
        try {
            if (Files.exists(segments)) {
                if (inTable > 0) {
                    LOG.log(System.Logger.Level.WARNING, "The database holds {0} events that the segment log in {1} does "
                            + "not; they were written while events.store was 'database' and stay there", inTable, segments);
                }
                return 0;
            }
            if (inTable == 0) {
                if (Files.isDirectory(staging)) {
                    Files.move(staging, segments, StandardCopyOption.ATOMIC_MOVE);
                    LOG.log(System.Logger.Level.INFO, "Finished moving the events into {0}", segments);
                }
                return 0;
            }
            if (!FileTrees.deleteQuietly(staging)) {
                throw new IOException("Cannot remove the unfinished copy " + staging);
            }
            LOG.log(System.Logger.Level.INFO, "Moving {0} events from the database into {1} ...", inTable, segments);
            // the table is a log of one partition
            long checkpoint = LogPosition.decode(jdbi.withHandle(h -> h.createQuery(
                    "select log_position from stats_checkpoint where id = 1").mapTo(String.class).one())).offset(0);
            long renumbered = copy(new JdbiEventLog(jdbi), staging, checkpoint);
            jdbi.useTransaction(h -> {
                h.createUpdate("update stats_checkpoint set log_position = :p where id = 1")
                        .bind("p", LogPosition.of(renumbered).encode()).execute();
                h.createUpdate("delete from events").execute();
            });
            Files.move(staging, segments, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(System.Logger.Level.INFO, "Moved {0} events into {1}", inTable, segments);
            return inTable;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the database's events into " + segments, e);
        }
    }

    /** Copies every event in order; returns how many of them the checkpoint had covered, its new value. */
    private static long copy(JdbiEventLog table, Path staging, long checkpoint) {
        long covered = 0;
        long copied = 0;
        try (SegmentEventLog log = SegmentEventLog.open(staging)) {
            long after = 0;
            List<LoggedEvent> batch;
            while (!(batch = table.readAfter(after, BATCH)).isEmpty()) {
                log.append(batch.stream().map(LoggedEvent::event).toList());
                for (LoggedEvent e : batch) {
                    if (e.sequence() <= checkpoint) {
                        covered++;
                    }
                }
                after = batch.getLast().sequence();
                if ((copied + batch.size()) / REPORT_EVERY > copied / REPORT_EVERY) {
                    LOG.log(System.Logger.Level.INFO, "... {0} events copied", copied + batch.size());
                }
                copied += batch.size();
            }
        }
        return covered;
    }
}
