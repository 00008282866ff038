package org.pando.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pando serve} in a child process, started from the jar this benchmark runs from, on a free loopback port,
 * so its CPU and memory are its own and it can be killed like any server.
 *
 * <pre>{@code
 * try (PandoChild pando = PandoChild.start(dataDir, Map.of("events.max-batch", "1000"), log)) {
 *     URI base = pando.base();
 * }
 * }</pre>
 */
final class PandoChild implements AutoCloseable {
    /** The file of JVM options {@code ./pando serve} starts the server with, handed over by {@code ./pando bench}. */
    private static final String JVM_OPTIONS_PROPERTY = "pando.bench.serve-jvm-options";
    private static final Duration READY_WITHIN = Duration.ofMinutes(10);
    private static final double QUIET_CORES = 0.2;

    private final Process process;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PandoChild(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts a server on {@code dataDir} with these settings, and the serving JVM's options when the launcher named
     * their file, and returns once {@code /health} answers.
     */
    static PandoChild start(Path dataDir, Map<String, String> settings, String heap, Path log) {
        int port = ChildProcesses.freePort();
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "--enable-native-access=ALL-UNNAMED", "-Xmx" + heap));
        String options = System.getProperty(JVM_OPTIONS_PROPERTY);
        if (options != null) {
            command.add("@" + options);
        }
        command.addAll(List.of("-jar", jar().toString(), "serve", "--data-dir", dataDir.toString(), "--port", String.valueOf(port)));
        settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            PandoChild child = new PandoChild(process, URI.create("http://127.0.0.1:" + port));
            child.awaitReady(log);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start pando serve", e);
        }
    }

    URI base() {
        return base;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** A number from the server's {@code /metrics}; NaN when it is not there. */
    double metric(String name) {
        try {
            String text = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Double.parseDouble(line.substring(name.length() + 1).trim());
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /**
     * Waits until the engine and the statistics have seen every event in the log and the server has finished what
     * starting gave it to do (writing the statistics folded, loading models): under a fifth of a core for 2 s.
     */
    void awaitCaughtUp() {
        while (metric("pando_events_engine_lag") > 0 || metric("pando_events_stats_lag") > 0) {
            ChildProcesses.sleep(250);
        }
        double cpu = ChildCpu.of(handle());
        while (true) {
            ChildProcesses.sleep(2000);
            double now = ChildCpu.of(handle());
            if (now - cpu < QUIET_CORES * 2) {
                return;
            }
            cpu = now;
        }
    }

    /** Resident memory of the server, from {@code /proc/<pid>/status}. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Kills the server as a crash would: {@code SIGKILL}, no shutdown of any kind. */
    void kill() {
        ChildProcesses.kill(process);
    }

    /** Stops the server the way an operator does ({@code SIGTERM}), waiting for its shutdown. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofMinutes(1));
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pando serve stopped while starting; see " + log);
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ChildProcesses.sleep(200);
        }
        close();
        throw new IllegalStateException("pando serve did not become healthy within " + READY_WITHIN + "; see " + log);
    }

    /** The jar this JVM was started from ({@code java -jar pando.jar}); the benchmark is a command of that jar. */
    private static Path jar() {
        Path jar = Path.of(System.getProperty("java.class.path", "").split(File.pathSeparator)[0]);
        if (!jar.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("'pando bench serve' starts the server from pando.jar; run it through ./pando");
        }
        return jar.toAbsolutePath();
    }
}
