package org.pando.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real sample clips of the shared media folder, found through the {@code pando.shared} system property
 * or the {@code PANDO_SHARED} environment variable (the folder that holds {@code media/}).
 */
public final class SharedMedia {
    private SharedMedia() {
    }

    /** The folder that holds the shared {@code media/} and {@code datasets/}. */
    public static Path root() {
        String env = System.getenv("PANDO_SHARED");
        String location = env != null && !env.isBlank() ? env : System.getProperty("pando.shared", "../shared");
        return Path.of(location).toAbsolutePath().normalize();
    }

    /** A sample clip by file name; fails the test with a clear message when it is missing. */
    public static Path clip(String name) {
        Path file = root().resolve("media").resolve(name);
        assertThat(file).as("sample clip %s (set PANDO_SHARED to the folder holding media/)", name).isRegularFile();
        return file;
    }

    static boolean present() {
        return Files.isDirectory(root().resolve("media"));
    }
}
