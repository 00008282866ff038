package org.pando.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by this JVM's finished child processes (Linux {@code cutime + cstime}), by a running one and by the
 * JVM itself, so a benchmark can charge each approach for all the CPU it burns.
 */
final class ChildCpu {
    /** Linux reports these fields in clock ticks of 1/100 s on every common kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ChildCpu() {
    }

    /** Seconds of CPU used so far by waited-for children. */
    static double children() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name (which may contain spaces) start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long cutime = Long.parseLong(fields[13]);
            long cstime = Long.parseLong(fields[14]);
            return (cutime + cstime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("CPU accounting needs Linux /proc/self/stat", e);
        }
    }

    /** Seconds of CPU used so far by a running process (Linux {@code utime + stime}). */
    static double of(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("CPU accounting needs Linux /proc/<pid>/stat", e);
        }
    }

    /** Seconds of CPU used so far by this JVM. */
    static double self() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return 0;
    }
}
