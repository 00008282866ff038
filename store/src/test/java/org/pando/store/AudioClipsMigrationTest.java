package org.pando.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.catalog.VideoKind;

/** Upgrading a database whose uploads were all published before audio clips existed. */
class AudioClipsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void everyUploadPublishedBeforeAudioClipsExistedIsAVideo() throws SQLException {
        try (OldDatabase old = OldDatabase.at(dir, "4")) {
            var jdbi = old.jdbi();
            jdbi.useHandle(h -> {
                h.execute("insert into accounts values ('acc', 'ana', 'ana@example.org', 'hash', 'PT', 'pt', 1)");
                h.execute("insert into channels values ('chan', 'acc', 'ana', 'Ana', '', 1)");
                h.execute("""
                        insert into videos (id, channel_id, title, description, status, progress, playable, duration_ms, width,
                                            height, created_at)
                        values ('old', 'chan', 'Tram 28', '', 'ready', 1, true, 11000, 768, 432, 2)""");
            });

            old.upgrade();

            JdbiVideoRepository videos = new JdbiVideoRepository(jdbi);
            assertThat(videos.find("old").orElseThrow().kind()).as("kind of a video published before the upgrade").isEqualTo(VideoKind.VIDEO);
        }
    }
}
