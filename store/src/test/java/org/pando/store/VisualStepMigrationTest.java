package org.pando.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrading a database whose videos were analysed before the frames step existed. */
class VisualStepMigrationTest {
    @TempDir
    Path dir;

    @Test
    void analysesMadeBeforeTheFramesStepShowItDoneInsteadOfWaitingForEver() throws SQLException {
        try (OldDatabase old = OldDatabase.at(dir, "3")) {
            var jdbi = old.jdbi();
            jdbi.useHandle(h -> {
                // the analysis rows alone; the videos they belong to do not matter here
                h.execute("set referential_integrity false");
                h.execute("""
                        insert into video_analysis (video_id, words, captions, captions_edited, pages, notes, updated_at)
                        values ('analysed', '[]', '[]', false, '[]', '[]', 5)""");
                for (String step : List.of("probe", "loudness", "speech", "scenes", "pages")) {
                    h.execute("insert into analysis_steps values ('analysed', ?, 'done', 1, null, 5)", step);
                    h.execute("insert into analysis_steps values ('queued', ?, 'waiting', 0, null, 5)", step);
                }
            });

            old.upgrade();

            List<String> frames = jdbi.withHandle(h -> h.createQuery(
                    "select video_id || ' ' || status from analysis_steps where step = 'frames' order by video_id").mapTo(String.class).list());
            assertThat(frames).as("the frames step of a finished analysis; a queued one gets it when it runs")
                    .containsExactly("analysed done");
            Integer faces = jdbi.withHandle(h -> h.createQuery("select faces_found from video_analysis").mapTo(Integer.class).one());
            assertThat(faces).as("nothing was seen").isNull();
        }
    }
}
