package org.pando.modelconv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversionCacheTest {
    @TempDir
    Path directory;

    @Test
    void aStoredModelIsUpToDateForItsOwnFingerprintOnly() throws IOException {
        ConversionCache cache = new ConversionCache(directory.resolve("m.onnx"));

        assertThat(cache.upToDate("abc")).as("nothing stored yet").isFalse();
        String checksum = cache.store(new byte[] {1, 2, 3}, "abc");

        assertThat(cache.upToDate("abc")).as("same fingerprint").isTrue();
        assertThat(cache.upToDate("abd")).as("changed inputs").isFalse();
        assertThat(Files.readString(cache.checksumFile())).as("sha256sum format")
                .isEqualTo(checksum + "  m.onnx\n")
                .startsWith("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
    }

    @Test
    void aModelChangedOnDiskIsNotUpToDate() throws IOException {
        ConversionCache cache = new ConversionCache(directory.resolve("m.onnx"));
        cache.store(new byte[] {1, 2, 3}, "abc");

        Files.write(cache.model(), new byte[] {1, 2, 4});

        assertThat(cache.upToDate("abc")).as("the model no longer matches its checksum").isFalse();
    }
}
