package org.pando.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs one ffmpeg command to its end, passing each {@code -progress} block to a consumer.
 *
 * @param exitCode      ffmpeg's exit status
 * @param lastFrame     the last frame count reported
 * @param lastOutTimeMs the last output time reported, in milliseconds
 * @param errors        the last lines ffmpeg wrote to stderr, for the log
 */
record FfmpegRun(int exitCode, long lastFrame, long lastOutTimeMs, String errors) {
    private static final System.Logger LOG = System.getLogger(FfmpegRun.class.getName());
    private static final int ERROR_TAIL_CHARS = 4000;
    private static final List<String> DAMAGED_MARKERS = List.of("invalid data found", "moov atom not found",
            "error while decoding", "corrupt", "truncat", "partial file", "no frame", "could not find codec");

    static FfmpegRun run(ChildProcesses processes, List<String> command, Path log, Consumer<FfmpegProgress> progress) {
        Process process = processes.start(command, log);
        long frame = 0;
        long outTimeMs = 0;
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
                switch (key) {
                    case "frame" -> frame = parseLong(value, frame);
                    case "out_time_us" -> outTimeMs = Math.max(outTimeMs, parseLong(value, 0) / 1000);
                    case "progress" -> progress.accept(new FfmpegProgress(frame, outTimeMs, "end".equals(value)));
                    default -> { }
                }
            }
        } catch (IOException e) {
            ChildProcesses.stop(process);
            throw new MediaToolFailed("Lost ffmpeg's progress output", e);
        }
        int exit = ChildProcesses.await(process);
        return new FfmpegRun(exit, frame, outTimeMs, tail(log));
    }

    /**
     * Why this run failed: a damaged source in the uploader's terms ({@code noun} names what they uploaded),
     * anything else as a tool failure.
     */
    RuntimeException failure(String noun) {
        String lower = errors.toLowerCase(Locale.ROOT);
        LOG.log(System.Logger.Level.WARNING, "ffmpeg exited with " + exitCode + ": " + errors);
        if (DAMAGED_MARKERS.stream().anyMatch(lower::contains)) {
            return new MediaRejected("media-damaged",
                    "The " + noun + " could not be decoded to the end; the file may be damaged. Try exporting it again.");
        }
        return new MediaToolFailed("ffmpeg exited with status " + exitCode);
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
