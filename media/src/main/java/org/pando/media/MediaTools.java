package org.pando.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks that ffmpeg and ffprobe can be run, so a missing install is reported at start with what to do,
 * not at the first upload.
 */
public final class MediaTools {
    private MediaTools() {
    }

    /** The first line of {@code ffmpeg -version}; throws {@link MediaToolFailed} saying how to install it. */
    public static String check(MediaConfig config) {
        String version = firstLine(config.ffmpeg());
        firstLine(config.ffprobe());
        return version;
    }

    private static String firstLine(String tool) {
        try {
            Process process = new ProcessBuilder(List.of(tool, "-version")).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw missing(tool);
            }
            return out.lines().findFirst().orElse(tool);
        } catch (IOException e) {
            throw missing(tool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw missing(tool);
        }
    }

    private static MediaToolFailed missing(String tool) {
        return new MediaToolFailed("'" + tool + "' cannot be run. Install ffmpeg (Debian/Ubuntu: sudo apt-get install ffmpeg) "
                + "or point media.ffmpeg and media.ffprobe at it.");
    }
}
