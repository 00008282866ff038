package org.pando.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pando running as a separate operating-system process, as {@code pando serve} or {@code pando worker} runs it, so it
 * can be killed.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("Pando is serving http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern WORKING = Pattern.compile("Pando worker is taking media jobs()");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code pando serve} on a free port with the given data directory and settings. */
    static ServerProcess start(Path dataDir, Path log, String... settings) throws IOException {
        return launch(List.of("serve", "--port", "0", "--data-dir", dataDir.toString()), SERVING, log, settings);
    }

    /** Starts {@code pando worker} with the given data directory (for its work files) and settings. */
    static ServerProcess worker(Path dataDir, Path log, String... settings) throws IOException {
        return launch(List.of("worker", "--data-dir", dataDir.toString()), WORKING, log, settings);
    }

    private static ServerProcess launch(List<String> args, Pattern ready, Path log, String... settings) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
                Main.class.getName()));
        command.addAll(args);
        for (String setting : settings) {
            command.addAll(List.of("--set", setting));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> pump(process, log, ready, port));
        try {
            return new ServerProcess(process, port.get(90, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("Pando did not start; see " + log + ":\n" + Files.readString(log), e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no cleanup. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM, the way a service manager stops it; returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Copies the process's output to the log, and completes with the port once it says it is ready (0 for a worker). */
    private static void pump(Process process, Path log, Pattern ready, CompletableFuture<Integer> port) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Matcher m = ready.matcher(line);
                if (m.find()) {
                    port.complete(m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("Pando exited before serving"));
    }
}
