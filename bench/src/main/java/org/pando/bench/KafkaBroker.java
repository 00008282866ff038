package org.pando.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single Apache Kafka broker in KRaft mode (broker and controller in one process) in a child JVM, on loopback,
 * with its storage formatted first; its class path is the {@code bench-kafka} module's, which the {@code kafka}
 * Maven profile builds, or any class path that holds Kafka's server (as the multi-node test's does).
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.start(classpath, dir, true, log)) {
 *     String bootstrap = broker.bootstrap();
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {
    static final String CLASSPATH_PROPERTY = "pando.bench.kafka-classpath";
    private static final Duration READY_WITHIN = Duration.ofMinutes(2);

    private final Process process;
    private final String bootstrap;

    private KafkaBroker(Process process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    /** The class path the launcher named, or a message saying how to build it. */
    static String classpath() {
        String file = System.getProperty(CLASSPATH_PROPERTY, "");
        try {
            if (!file.isBlank() && Files.isRegularFile(Path.of(file))) {
                return Files.readString(Path.of(file)).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("The Kafka side of the benchmark is built under the Maven profile 'kafka'; run it "
                + "through './pando bench serve', or build 'mvn -P kafka -pl bench-kafka -am -DskipTests package' and pass -D"
                + CLASSPATH_PROPERTY + "=bench-kafka/target/kafka-classpath.txt");
    }

    /**
     * Formats storage in {@code dir} and starts the broker.
     *
     * @param flushEachBatch whether the broker forces every append to disk before acknowledging it
     *                       ({@code log.flush.interval.messages=1}), the durability Pando's own log gives; otherwise
     *                       Kafka's default, which leaves writes in the page cache and counts on replicas
     */
    public static KafkaBroker start(String classpath, Path dir, boolean flushEachBatch, Path log) {
        int port = ChildProcesses.freePort();
        int controller = ChildProcesses.freePort();
        try {
            Files.createDirectories(dir);
            Path properties = dir.resolve("server.properties");
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controller,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=2",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    flushEachBatch ? "log.flush.interval.messages=1" : "",
                    ""));
            String clusterId = clusterId();
            Process format = java(classpath, "512m", log, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                    properties.toString());
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka's storage failed; see " + log);
            }
            Process broker = java(classpath, "1g", log, "kafka.Kafka", properties.toString());
            KafkaBroker started = new KafkaBroker(broker, "127.0.0.1:" + port);
            started.awaitPort(port, log);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the Kafka broker", e);
        }
    }

    /** A JVM on the Kafka class path running {@code mainClass}, its output appended to {@code log}. */
    static Process java(String classpath, String heap, Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-Xmx" + heap, "-cp", classpath,
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Where producers and consumers connect: {@code 127.0.0.1:<port>}. */
    public String bootstrap() {
        return bootstrap;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    private void awaitPort(int port, Path log) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                ChildProcesses.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("The Kafka broker did not open its port; see " + log);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
    }

    /**
     * A random cluster id, as Kafka's own tool makes one: 16 bytes in URL-safe Base64, drawn again when the text would
     * start with '-', which the storage tool's command line would take for an option (one id in 64).
     */
    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[16];
        String text;
        do {
            random.nextBytes(id);
            text = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        } while (text.startsWith("-"));
        return text;
    }
}
