package org.pando.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a short ffmpeg measurement whose findings go to its log (stderr), and reads them back. */
final class ToolRun {
    private static final int ERROR_TAIL_CHARS = 1000;

    private ToolRun() {
    }

    /** Runs the command to its end with stderr in {@code log}; fails with the log's tail when it fails. */
    static void toEnd(ChildProcesses processes, List<String> command, Path log) {
        Process process = processes.start(command, log);
        try (InputStream out = process.getInputStream()) {
            out.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            ChildProcesses.stop(process);
            throw new MediaToolFailed("Lost contact with " + command.getFirst(), e);
        }
        requireSuccess(ChildProcesses.await(process), log);
    }

    static void requireSuccess(int exit, Path log) {
        if (exit != 0) {
            throw new MediaToolFailed("ffmpeg exited with status " + exit + ": " + tail(read(log)));
        }
    }

    static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
    }

    static String tail(String text) {
        return text.length() <= ERROR_TAIL_CHARS ? text : text.substring(text.length() - ERROR_TAIL_CHARS);
    }
}
