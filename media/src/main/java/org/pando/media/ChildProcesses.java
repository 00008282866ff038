package org.pando.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts ffmpeg and ffprobe and keeps track of them, so that none outlives its owner.
 *
 * <p>Every process is started with stdin closed ({@code -nostdin} semantics) and removed from the tracked
 * set when it exits; {@link #killAll()} ends those still running.
 */
final class ChildProcesses {
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /** Starts the command with stderr sent to {@code stderr}. */
    Process start(List<String> command, Path stderr) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(stderr.toFile());
        try {
            Process process = builder.start();
            running.add(process);
            process.onExit().thenRun(() -> running.remove(process));
            return process;
        } catch (IOException e) {
            throw new MediaToolFailed("Could not start " + command.getFirst() + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the process; on interruption it is killed and the interruption is passed on. */
    static int await(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new MediaToolFailed("Interrupted while " + process.info().command().orElse("a tool") + " ran", e);
        }
    }

    /** Asks the process to end, then forces it. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** How many started processes are still alive. */
    int alive() {
        return (int) running.stream().filter(Process::isAlive).count();
    }

    /** Ends every process still running. */
    void killAll() {
        running.forEach(ChildProcesses::stop);
        running.clear();
    }
}
