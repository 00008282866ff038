package org.pando.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrading a database whose likes, comments and follows were counted on each read to one that keeps the counts. */
class KeptCountsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void theCountsKeptAreThoseOfTheRowsThere() throws SQLException {
        try (OldDatabase old = OldDatabase.at(dir, "17")) {
            var jdbi = old.jdbi();
            jdbi.useHandle(h -> {
                for (String account : new String[] {"ana", "bo", "cy"}) {
                    h.execute("insert into accounts (id, username, email, password_hash, country, languages, created_at) "
                            + "values (?, ?, ?, 'hash', null, '', 1)", account, account, account + "@example.org");
                }
                h.execute("insert into channels (id, owner_id, handle, display_name, description, created_at) "
                        + "values ('chan', 'ana', 'ana', 'Ana', '', 1)");
                h.execute("insert into channels (id, owner_id, handle, display_name, description, created_at) "
                        + "values ('quiet', 'bo', 'bo', 'Bo', '', 1)");
                for (String video : new String[] {"liked", "plain"}) {
                    h.execute("insert into videos (id, channel_id, title, description, status, progress, playable, duration_ms, "
                            + "width, height, created_at) values (?, 'chan', ?, '', 'ready', 1, true, 1000, 2, 2, 2)", video, video);
                }
                h.execute("insert into likes (account_id, video_id, created_at) values ('bo', 'liked', 3), ('cy', 'liked', 3)");
                h.execute("insert into comments (id, video_id, author_id, body, created_at) values ('c1', 'liked', 'bo', 'hi', 3)");
                h.execute("insert into follows (follower_id, channel_id, created_at) values ('bo', 'chan', 3), ('cy', 'chan', 3)");
            });

            old.upgrade();

            JdbiVideoRepository videos = new JdbiVideoRepository(jdbi);
            assertThat(videos.find("liked").orElseThrow()).satisfies(v -> {
                assertThat(v.likes()).as("likes of a video liked twice before the upgrade").isEqualTo(2);
                assertThat(v.comments()).as("comments of a video commented once").isEqualTo(1);
            });
            assertThat(videos.find("plain").orElseThrow().likes()).as("likes of a video nobody liked").isZero();
            JdbiChannelRepository channels = new JdbiChannelRepository(jdbi);
            assertThat(channels.findById("chan").orElseThrow().followers()).as("followers of a channel followed twice").isEqualTo(2);
            assertThat(channels.findById("quiet").orElseThrow().followers()).as("followers of a channel nobody follows").isZero();
        }
    }
}
