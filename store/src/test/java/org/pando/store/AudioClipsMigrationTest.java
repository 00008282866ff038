package org.pando.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.catalog.VideoKind;

/** Upgrading a database whose uploads were all published before audio clips existed. */
class AudioClipsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void everyUploadPublishedBeforeAudioClipsExistedIsAVideo() throws SQLException {
        String url = "jdbc:h2:" + dir.resolve("old") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("4").load().migrate();
        Jdbi jdbi = Jdbi.create(url, "sa", "");
        jdbi.useHandle(h -> {
            h.execute("insert into accounts values ('acc', 'ana', 'ana@example.org', 'hash', 'PT', 'pt', 1)");
            h.execute("insert into channels values ('chan', 'acc', 'ana', 'Ana', '', 1)");
            h.execute("""
                    insert into videos (id, channel_id, title, description, status, progress, playable, duration_ms, width,
                                        height, created_at)
                    values ('old', 'chan', 'Tram 28', '', 'ready', 1, true, 11000, 768, 432, 2)""");
        });

        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        JdbiVideoRepository videos = new JdbiVideoRepository(jdbi);
        assertThat(videos.find("old").orElseThrow().kind()).as("kind of a video published before the upgrade").isEqualTo(VideoKind.VIDEO);
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        }
    }
}
