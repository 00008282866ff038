package org.pando.understanding;

import java.nio.file.Path;

/** The models unpacked by this module's build, found through the {@code pando.models} system property. */
final class TestModels {
    private TestModels() {
    }

    static UnderstandingConfig config() {
        return new UnderstandingConfig(Path.of(System.getProperty("pando.models", "target/models")), 10, 0.6);
    }
}
