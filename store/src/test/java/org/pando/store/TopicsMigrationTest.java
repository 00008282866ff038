package org.pando.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.understanding.Step;
import org.pando.understanding.StepState;
import org.pando.understanding.Topics;
import org.pando.understanding.VideoAnalysis;

/** Upgrading a database whose videos were analysed before the topics step existed. */
class TopicsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void analysesMadeBeforeTheTopicsStepShowItDoneWithNothingFound() throws SQLException {
        try (OldDatabase old = OldDatabase.at(dir, "4")) {
            old.jdbi().useHandle(h -> {
                h.execute("insert into accounts values ('acc', 'ana', 'ana@example.org', 'hash', null, '', 1)");
                h.execute("insert into channels values ('chan', 'acc', 'ana', 'ana', '', 1)");
                for (String id : List.of("analysed", "queued")) {
                    h.execute("""
                            insert into videos (id, channel_id, title, description, status, progress, playable, duration_ms,
                                                width, height, created_at)
                            values (?, 'chan', 't', '', 'ready', 1, true, 1000, 640, 360, 1)""", id);
                }
                h.execute("""
                        insert into video_analysis (video_id, words, captions, captions_edited, pages, notes, updated_at)
                        values ('analysed', '[]', '[]', false, '[]', '[]', 5)""");
                for (String step : List.of("probe", "loudness", "speech", "scenes", "pages", "frames")) {
                    h.execute("insert into analysis_steps values ('analysed', ?, 'done', 1, null, 5)", step);
                    h.execute("insert into analysis_steps values ('queued', ?, 'waiting', 0, null, 5)", step);
                }
            });

            old.upgrade();

            JdbiAnalysisStore store = new JdbiAnalysisStore(old.jdbi());
            VideoAnalysis analysed = store.find("analysed").orElseThrow();
            assertThat(analysed.steps()).as("steps of an analysis finished before the topics step")
                    .containsEntry(Step.TOPICS, StepState.DONE);
            assertThat(analysed.topics()).as("what it found: nothing, until analysed again").isEqualTo(Topics.NONE);
            assertThat(store.find("queued").orElseThrow().steps()).as("a queued analysis gets the step when it runs")
                    .doesNotContainKey(Step.TOPICS);
        }
    }
}
