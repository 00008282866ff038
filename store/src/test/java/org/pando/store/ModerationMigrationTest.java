package org.pando.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrading a database made before moderation: nothing that was visible disappears, nobody gains a role. */
class ModerationMigrationTest {
    @TempDir
    Path dir;

    @Test
    void videosThatWereVisibleStayPublishedAndAccountsAreMembers() throws SQLException {
        try (OldDatabase old = OldDatabase.at(dir, "4")) {
            var jdbi = old.jdbi();
            jdbi.useHandle(h -> {
                h.execute("insert into accounts values ('acc', 'ana', 'ana@example.org', 'hash', null, '', 1)");
                h.execute("insert into channels values ('chan', 'acc', 'ana', 'ana', '', 1)");
                h.execute("""
                        insert into videos (id, channel_id, title, description, status, progress, playable, duration_ms, width,
                                            height, created_at)
                        values ('vid', 'chan', 't', '', 'ready', 1, true, 1000, 640, 360, 1)""");
            });

            old.upgrade();

            String publication = jdbi.withHandle(h -> h.createQuery("select publication from videos where id = 'vid'")
                    .mapTo(String.class).one());
            assertThat(publication).as("a ready video from before moderation").isEqualTo("published");
            String role = jdbi.withHandle(h -> h.createQuery("select role from accounts where id = 'acc'").mapTo(String.class).one());
            assertThat(role).as("an account from before roles").isEqualTo("member");
        }
    }
}
