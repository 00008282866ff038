package org.pando.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.blobs.DiskBlobStore;
import org.pando.recommend.Candidate;
import org.pando.recommend.CandidateSource;
import org.pando.recommend.EngineSettings;
import org.pando.recommend.engine.Engine;
import org.pando.recommend.engine.LuceneContentIndex;
import org.pando.recommend.engine.TasteFit;

/** A web node adopting the taste models trained offline from the blob store. */
class TasteSnapshotsTest {
    @TempDir
    Path dir;
    private final Engine engine = new Engine(nothing(), new LuceneContentIndex(), EngineSettings.defaults(), Clock.systemUTC());

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theNewestSnapshotIsAdoptedOnceAndOlderOrDamagedOnesNever() throws IOException {
        DiskBlobStore blobs = new DiskBlobStore(dir.resolve("data"));
        TasteSnapshots snapshots = new TasteSnapshots(blobs, dir.resolve("work"), engine);
        assertThat(snapshots.check()).as("adopted from an empty store").isFalse();

        keep(blobs, fit(1000));
        assertThat(snapshots.check()).as("adopted the first snapshot").isTrue();
        assertThat(engine.tasteVersion()).hasValue(1000);
        assertThat(snapshots.check()).as("adopted the same snapshot again").isFalse();

        keep(blobs, fit(500));
        assertThat(snapshots.check()).as("adopted an older snapshot").isFalse();

        Path damaged = Files.writeString(dir.resolve("damaged"), "not a snapshot");
        blobs.put(TasteFit.snapshotKey(2000), damaged);
        assertThatThrownBy(snapshots::check).isInstanceOf(IOException.class).hasMessageContaining(TasteFit.snapshotKey(2000));
        assertThat(engine.tasteVersion()).as("the models in use after a damaged snapshot").hasValue(1000);
        assertThat(snapshots.check()).as("tried the damaged snapshot again").isFalse();

        keep(blobs, fit(3000));
        assertThat(snapshots.check()).as("adopted a newer snapshot after the damaged one").isTrue();
        assertThat(engine.tasteVersion()).hasValue(3000);
    }

    private void keep(DiskBlobStore blobs, TasteFit fit) throws IOException {
        Path file = dir.resolve("fit-" + fit.version());
        try (OutputStream out = Files.newOutputStream(file)) {
            fit.save(out);
        }
        blobs.put(TasteFit.snapshotKey(fit.version()), file);
    }

    private static TasteFit fit(long version) {
        return new TasteFit(version, List.of("a", "b"), 1, new float[] {1, 2}, List.of("a"), new float[] {0});
    }

    private static CandidateSource nothing() {
        return new CandidateSource() {
            @Override
            public List<Candidate> recent(Instant before, int limit) {
                return List.of();
            }

            @Override
            public List<Candidate> fromCreators(List<String> creatorIds, Instant before,
                    String beforeId, int limit) {
                return List.of();
            }

            @Override
            public List<String> followedCreators(String accountId) {
                return List.of();
            }
        };
    }
}
