package org.pando.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntIndexTest {

    @Test
    void numbersKeysInTheOrderTheyCameThroughEveryGrowth() {
        IntIndex index = new IntIndex();
        for (int i = 0; i < 100_000; i++) {
            assertThat(index.add(i * 7_919)).as("position of the %d-th new key", i).isEqualTo(i);
        }
        assertThat(index.size()).isEqualTo(100_000);
        for (int i = 0; i < 100_000; i += 997) {
            assertThat(index.add(i * 7_919)).as("adding a known key again keeps its position").isEqualTo(i);
            assertThat(index.positionOf(i * 7_919)).isEqualTo(i);
            assertThat(index.keyAt(i)).isEqualTo(i * 7_919);
        }
        assertThat(index.positionOf(3)).as("a key never added").isEqualTo(-1);
        assertThat(index.size()).as("re-adding added nothing").isEqualTo(100_000);
    }
}
