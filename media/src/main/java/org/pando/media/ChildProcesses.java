package org.pando.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts ffmpeg and ffprobe and keeps track of them, so that none outlives its owner.
 *
 * <p>Every process is started with stdin closed and removed from the tracked set when it exits;
 * {@link #killAll()} ends those still running. Where util-linux's {@code setpriv} can set a parent-death
 * signal, each child is started under it, so the kernel kills it if this JVM dies without cleaning up
 * ({@code kill -9}, a crash). {@link #killStrays} is the second line of defence: it ends processes left over
 * from an earlier run that still write into a directory about to be reused.
 */
final class ChildProcesses {
    private static final List<String> DIE_WITH_PARENT = dieWithParentPrefix();

    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /** Starts the command with stderr sent to {@code stderr}. */
    Process start(List<String> command, Path stderr) {
        List<String> full = new ArrayList<>(DIE_WITH_PARENT);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
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

    /** Kills processes not started by this object whose arguments mention {@code path}. */
    static int killStrays(Path path) {
        String marker = path.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        int killed = 0;
        for (ProcessHandle handle : ProcessHandle.allProcesses().toList()) {
            String[] args = handle.info().arguments().orElse(new String[0]);
            if (handle.pid() != self && Arrays.stream(args).anyMatch(a -> a.contains(marker))) {
                handle.destroyForcibly();
                killed++;
            }
        }
        return killed;
    }

    /** {@code setpriv --pdeathsig KILL --} when this machine's setpriv supports it, else nothing. */
    private static List<String> dieWithParentPrefix() {
        try {
            Process probe = new ProcessBuilder("setpriv", "--help").redirectErrorStream(true).start();
            String help = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean supported = probe.waitFor(5, TimeUnit.SECONDS) && help.contains("--pdeathsig");
            return supported ? List.of("setpriv", "--pdeathsig", "KILL", "--") : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
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
