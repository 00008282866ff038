package org.pando.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TasteFitTest {
    private static final TasteFit FIT = new TasteFit(1_763_000_000_000L, List.of("a", "b", "c"), 2,
            new float[] {1, 2, 3, 4, 5, 6}, List.of("b", "a"), new float[] {0, 0.5f, -0.25f, 0});

    @Test
    void aSnapshotReadsBackAsTheFitItWasWrittenFrom() throws IOException {
        TasteFit read = TasteFit.load(new ByteArrayInputStream(bytes(FIT)));

        assertThat(read.version()).isEqualTo(FIT.version());
        assertThat(read.videos()).isEqualTo(FIT.videos());
        assertThat(read.factors()).isEqualTo(2);
        assertThat(read.itemFactors()).as("item factors").containsExactly(FIT.itemFactors());
        assertThat(read.head()).isEqualTo(FIT.head());
        assertThat(read.easeWeights()).as("EASE weights").containsExactly(FIT.easeWeights());
    }

    @Test
    void aDamagedOrForeignFileIsRefused() throws IOException {
        byte[] damaged = bytes(FIT);
        damaged[damaged.length / 2] ^= 1;
        assertThatThrownBy(() -> TasteFit.load(new ByteArrayInputStream(damaged))).isInstanceOf(IOException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> TasteFit.load(new ByteArrayInputStream("not a snapshot".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("Not a taste models snapshot");
    }

    @Test
    void snapshotKeysSortAsTheirVersions() {
        List<String> keys = List.of(TasteFit.snapshotKey(9), TasteFit.snapshotKey(1_763_000_000_000L), TasteFit.snapshotKey(10));

        assertThat(keys.stream().sorted().map(TasteFit::versionOf)).containsExactly(9L, 10L, 1_763_000_000_000L);
        assertThat(TasteFit.isSnapshotKey(TasteFit.SNAPSHOTS + "/notes.txt")).as("another file beside them").isFalse();
    }

    @Test
    void numbersThatDoNotMatchTheirShapesAreRefused() {
        assertThatThrownBy(() -> new TasteFit(1, List.of("a"), 2, new float[3], List.of(), new float[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item factors");
    }

    private static byte[] bytes(TasteFit fit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fit.save(out);
        return out.toByteArray();
    }
}
