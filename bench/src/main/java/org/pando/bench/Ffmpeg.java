package org.pando.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs an anchor's ffmpeg command and waits for it; a failure stops the benchmark with ffmpeg's words. */
final class Ffmpeg {
    private Ffmpeg() {
    }

    static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("ffmpeg failed (" + exit + "): " + output + "\n" + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
