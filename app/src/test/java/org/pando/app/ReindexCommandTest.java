package org.pando.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.search.SearchQuery;
import org.pando.search.NotedChange;
import org.pando.search.SearchSource;
import org.pando.search.SearchableVideo;
import org.pando.search.VideoSearch;
import org.pando.store.Database;
import org.pando.store.DatabaseConfig;

/** {@code pando reindex}: the index rebuilt from the database in the data directory, and refused while held. */
class ReindexCommandTest {
    @TempDir
    Path dataDir;

    private record Outcome(int status, String out, String err) {
    }

    private Outcome reindex() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"reindex", "--data-dir", dataDir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rebuildsTheIndexInTheDataDirectoryAndSaysHowManyVideosItHolds() {
        Database.open(DatabaseConfig.embedded(dataDir)).close();

        Outcome done = reindex();

        assertThat(done.status()).as("exit status; err: %s", done.err()).isZero();
        assertThat(done.out()).as("what it said").contains("now holds 0 videos").contains(dataDir.resolve("search").toString());
        assertThat(dataDir.resolve("search")).as("the index's directory").isDirectoryContaining("glob:**segments_*");
    }

    @Test
    void refusesWhileAnotherProcessHoldsTheIndex() {
        Database.open(DatabaseConfig.embedded(dataDir)).close();
        SearchSource nothing = new SearchSource() {
            @Override
            public Optional<SearchableVideo> searchable(String videoId) {
                return Optional.empty();
            }

            @Override
            public void forEachSearchable(Consumer<SearchableVideo> each) {
            }

            @Override
            public Set<String> stillSearchable(Collection<String> videoIds) {
                return Set.of();
            }

            @Override
            public List<String> searchableOfChannel(String handle) {
                return List.of();
            }

            @Override
            public long countSearchable() {
                return 0;
            }

            @Override
            public void note(String videoId, String noter) {
            }

            @Override
            public long lastNoted() {
                return 0;
            }

            @Override
            public List<NotedChange> notedAfter(long position, Instant notedBefore, String noter, int max) {
                return List.of();
            }

            @Override
            public void forgetNotedBefore(Instant instant) {
            }
        };
        try (VideoSearch held = VideoSearch.open(dataDir.resolve("search"), nothing, Clock.systemUTC())) {
            Outcome refused = reindex();

            assertThat(refused.status()).as("exit status while the index is held; out: %s", refused.out()).isEqualTo(2);
            assertThat(refused.err()).as("what it said").contains("in use by another Pando process");
            assertThat(held.search(SearchQuery.of("anything")).items()).as("the holder still answers").isEmpty();
        }
    }
}
