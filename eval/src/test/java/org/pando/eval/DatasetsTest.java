package org.pando.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.pando.learn.Interactions;
import org.junit.jupiter.api.io.TempDir;

/** What models may see in each split of a tiny labelled dataset written in KuaiRec's format. */
class DatasetsTest {
    @TempDir
    Path shared;

    private Path kuairec() throws IOException {
        Path dir = Files.createDirectories(shared.resolve("datasets").resolve("kuairec-sigformer"));
        // user 0: liked 0, skipped 1 (train); liked 2 (valid); liked 3, skipped 4 (test)
        write(dir.resolve("train.txt.gz"), "0 0 1.00\n0 1 0.00\n");
        write(dir.resolve("valid.txt.gz"), "0 2 1.00\n0 5 0.00\n");
        write(dir.resolve("test.txt.gz"), "0 3 1.00\n0 4 0.00\n");
        return dir;
    }

    @Test
    void modelsSeeTheNegativesOfTrainAndValidButNeverOfTest() throws IOException {
        kuairec();
        Dataset data = Datasets.load("kuairec", shared);

        assertThat(data.train().itemsOf(0)).containsExactly(0, 2);
        assertThat(data.test().itemsOf(0)).containsExactly(3);
        assertThat(data.trainNegatives().itemsOf(0)).as("what models may learn from").containsExactly(1, 5);
        assertThat(data.negatives().itemsOf(0)).as("for the neg@20 metric only").containsExactly(1, 4, 5);
        assertThat(data.testNegatives().itemsOf(0)).containsExactly(4);
    }

    @Test
    void tuningTrainsOnTrainAndTestsOnValidWithoutReadingTest() throws IOException {
        Files.delete(kuairec().resolve("test.txt.gz"));

        Dataset data = Datasets.loadTuning("kuairec", shared);

        assertThat(data.train().itemsOf(0)).containsExactly(0);
        assertThat(data.test().itemsOf(0)).containsExactly(2);
        assertThat(data.trainNegatives().itemsOf(0)).containsExactly(1);
        assertThat(data.testNegatives().itemsOf(0)).containsExactly(5);
    }

    @Test
    void fairRowsAreTheHybridUnderAnExposureCap() {
        Interactions empty = Interactions.builder(1, 1).build();
        Dataset kuairec = new Dataset("kuairec", "test", empty, empty, empty, empty, empty);
        Models.Spec fair = Models.spec("Pando-fair-0.3", kuairec);

        assertThat(fair.exposure()).as("the policy of %s", fair.name()).hasValueSatisfying(policy -> {
            assertThat(policy.headFraction()).isEqualTo(0.01);
            assertThat(policy.maxShare()).isEqualTo(0.3);
        });
        assertThat(Models.spec("Pando-hybrid", kuairec).exposure()).isEmpty();
    }

    private static void write(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
