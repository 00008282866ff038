package org.pando.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one ffmpeg command to its end, passing each {@code -progress} block to a consumer.
 *
 * @param exitCode  ffmpeg's exit status
 * @param lastFrame the last frame count reported
 * @param errors    the last lines ffmpeg wrote to stderr, for the log
 */
record FfmpegRun(int exitCode, long lastFrame, String errors) {
    private static final int ERROR_TAIL_CHARS = 4000;

    static FfmpegRun run(ChildProcesses processes, List<String> command, Path log, Consumer<FfmpegProgress> progress) {
        Process process = processes.start(command, log);
        long frame = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    ChildProcesses.stop(process);
                    throw new MediaToolFailed("Interrupted while ffmpeg ran");
                }
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq);
                String value = line.substring(eq + 1).trim();
                if ("frame".equals(key)) {
                    frame = parseLong(value, frame);
                } else if ("progress".equals(key)) {
                    progress.accept(new FfmpegProgress(frame, "end".equals(value)));
                }
            }
        } catch (IOException e) {
            ChildProcesses.stop(process);
            throw new MediaToolFailed("Lost ffmpeg's progress output", e);
        }
        int exit = ChildProcesses.await(process);
        return new FfmpegRun(exit, frame, tail(log));
    }

    private static long parseLong(String value, long fallback) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= ERROR_TAIL_CHARS ? text : text.substring(text.length() - ERROR_TAIL_CHARS);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
