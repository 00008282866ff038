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

/** Upgrading a database made before moderation: nothing that was visible disappears, nobody gains a role. */
class ModerationMigrationTest {
    @TempDir
    Path dir;

    @Test
    void videosThatWereVisibleStayPublishedAndAccountsAreMembers() throws SQLException {
        String url = "jdbc:h2:" + dir.resolve("old") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("4").load().migrate();
        Jdbi jdbi = Jdbi.create(url, "sa", "");
        jdbi.useHandle(h -> {
            h.execute("insert into accounts values ('acc', 'ana', 'ana@example.org', 'hash', null, '', 1)");
            h.execute("insert into channels values ('chan', 'acc', 'ana', 'ana', '', 1)");
            h.execute("""
                    insert into videos (id, channel_id, title, description, status, progress, playable, duration_ms, width,
                                        height, created_at)
                    values ('vid', 'chan', 't', '', 'ready', 1, true, 1000, 640, 360, 1)""");
        });

        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        String publication = jdbi.withHandle(h -> h.createQuery("select publication from videos where id = 'vid'")
                .mapTo(String.class).one());
        assertThat(publication).as("a ready video from before moderation").isEqualTo("published");
        String role = jdbi.withHandle(h -> h.createQuery("select role from accounts where id = 'acc'").mapTo(String.class).one());
        assertThat(role).as("an account from before roles").isEqualTo("member");
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        }
    }
}
