package org.pando.eval;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pando.learn.Interactions;

/** Without the {@code spark} profile's module, asking for SparkALS fails early with directions, not a stack trace. */
class SparkLaunchTest {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void harnessWithoutTheSparkClasspathSaysHowToBuildIt() {
        assertThatThrownBy(() -> EvalCommand.run("kuairec", Path.of("no-such-shared-dir"), Path.of("unused.json"),
                        List.of("iALS", "SparkALS"), SILENT))
                .as("SparkALS asked for before any dataset is read")
                .isInstanceOf(ModelUnavailable.class)
                .hasMessageContaining("mvn -P spark -pl eval-spark -am")
                .hasMessageContaining(SparkLaunch.CLASSPATH_PROPERTY);
    }

    @Test
    void childJvmWithoutTheSparkModuleSaysHowToBuildIt() {
        Interactions empty = Interactions.builder(1, 1).build();
        Dataset data = new Dataset("kuairec", "test", empty, empty, empty, empty, empty);
        assertThatThrownBy(() -> Models.spec("SparkALS", data))
                .as("SparkALS's spec on a class path without eval-spark")
                .isInstanceOf(ModelUnavailable.class)
                .hasMessageContaining("'spark' profile");
    }

    @Test
    void unknownModelIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> Models.requireKnown("SparkAls"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown model 'SparkAls'")
                .hasMessageContaining("SparkALS");
    }
}
