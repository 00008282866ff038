package org.pando.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.events.EventType;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.SegmentEventLog;
import org.pando.events.Surface;
import org.pando.events.UserEvent;

/** An instance's events moved from the database into a segment log, with the statistics' checkpoint renumbered. */
class EventsToSegmentsTest {
    @TempDir
    Path dir;

    private Database database;
    private Jdbi jdbi;
    private Path segments;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseConfig.embedded(dir));
        jdbi = database.jdbi();
        segments = dir.resolve("events");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static UserEvent play(int i) {
        return new UserEvent(EventType.PLAY, "user-" + i, "video-" + i, "channel", Surface.FOR_YOU, Optional.of("BR"),
                Optional.of("pt"), i, 60_000, Instant.ofEpochMilli(1_790_000_000_000L + i));
    }

    /** Five events in the table with sequence 2 deleted, and the statistics folded up to sequence 3. */
    private List<UserEvent> tableWithAGap() {
        JdbiEventLog table = new JdbiEventLog(jdbi);
        List<UserEvent> events = IntStream.range(0, 5).mapToObj(EventsToSegmentsTest::play).toList();
        table.append(events);
        List<LoggedEvent> stored = table.readAfter(0, 10);
        jdbi.useHandle(h -> {
            h.createUpdate("delete from events where seq = :s").bind("s", stored.get(1).sequence()).execute();
            h.createUpdate("update stats_checkpoint set log_position = :p where id = 1")
                    .bind("p", LogPosition.of(stored.get(2).sequence()).encode()).execute();
        });
        return List.of(events.get(0), events.get(2), events.get(3), events.get(4));
    }

    private long checkpoint() {
        return LogPosition.decode(jdbi.withHandle(h -> h.createQuery("select log_position from stats_checkpoint where id = 1")
                .mapTo(String.class).one())).offset(0);
    }

    private List<UserEvent> segmentEvents() {
        try (SegmentEventLog log = SegmentEventLog.open(segments)) {
            return log.readAfter(0, 100).stream().map(LoggedEvent::event).toList();
        }
    }

    @Test
    void movesTheEventsInOrderOnceAndRenumbersTheCheckpointPastTheGaps() {
        List<UserEvent> kept = tableWithAGap();

        assertThat(EventsToSegments.move(jdbi, segments)).as("events moved").isEqualTo(4);

        assertThat(segmentEvents()).as("the segment log's events").containsExactlyElementsOf(kept);
        assertThat(checkpoint()).as("the checkpoint covers the two events it covered before, now numbered 1 and 2").isEqualTo(2);
        assertThat(new JdbiEventLog(jdbi).lastSequence()).as("events left in the table").isZero();
        assertThat(EventsToSegments.move(jdbi, segments)).as("a second move").isZero();
        assertThat(segmentEvents()).as("the segment log after a second move").containsExactlyElementsOf(kept);
    }

    @Test
    void anUnfinishedCopyIsBegunAgainAndAFinishedOneIsRenamedIntoPlace() throws IOException {
        List<UserEvent> kept = tableWithAGap();
        Path staging = dir.resolve("events.moving");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("00000000000000000001.log"), "a copy cut short");

        EventsToSegments.move(jdbi, segments);
        assertThat(segmentEvents()).as("the log after a copy cut short was begun again").containsExactlyElementsOf(kept);

        Files.move(segments, staging);
        assertThat(EventsToSegments.move(jdbi, segments)).as("events moved when only the rename was left").isZero();
        assertThat(staging).as("the finished copy").doesNotExist();
        assertThat(segmentEvents()).as("the log after finishing the rename").containsExactlyElementsOf(kept);
        assertThat(checkpoint()).as("the checkpoint, renumbered once").isEqualTo(2);
    }

    @Test
    void anInstanceWithoutEventsGetsNoLogFromTheMove() {
        assertThat(EventsToSegments.move(jdbi, segments)).isZero();
        assertThat(segments).as("no segment log is made for an empty table").doesNotExist();
    }
}
