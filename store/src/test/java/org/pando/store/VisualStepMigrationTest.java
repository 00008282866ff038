package org.pando.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrading a database whose videos were analysed before the frames step existed. */
class VisualStepMigrationTest {
    @TempDir
    Path dir;

    @Test
    void analysesMadeBeforeTheFramesStepShowItDoneInsteadOfWaitingForEver() throws SQLException {
        // kept open between connections, so that switching off referential integrity lasts through the upgrade
        String url = "jdbc:h2:" + dir.resolve("old") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("3").load().migrate();
        Jdbi jdbi = Jdbi.create(url, "sa", "");
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

        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        List<String> frames = jdbi.withHandle(h -> h.createQuery(
                "select video_id || ' ' || status from analysis_steps where step = 'frames' order by video_id").mapTo(String.class).list());
        assertThat(frames).as("the frames step of a finished analysis; a queued one gets it when it runs")
                .containsExactly("analysed done");
        Integer faces = jdbi.withHandle(h -> h.createQuery("select faces_found from video_analysis").mapTo(Integer.class).one());
        assertThat(faces).as("nothing was seen").isNull();
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        }
    }
}
