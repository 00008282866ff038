package org.pando.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pando.blobs.S3Config;
import org.pando.domain.FileTrees;
import org.pando.events.EventsConfig;

/**
 * {@code pando train}: the taste models (iALS and EASE) trained offline as a Spark job on the Kafka topic the web
 * nodes share ({@code events.kafka.*}), the fit kept as a snapshot in their blob store ({@code blobs.*}), where nodes
 * with {@code recommend.offline-models} adopt it ({@link TasteSnapshots}). The job runs in a JVM of its own with the
 * {@code train-spark} module's class path and the openings Spark needs, which the launcher builds under the Maven
 * profile {@code spark} and names in {@value #LAUNCH_PROPERTY}; the bucket's keys reach it through its environment.
 */
final class TrainCommand {
    static final String LAUNCH_PROPERTY = "pando.train.launch";
    private static final String JOB = "org.pando.train.spark.TrainJob";
    private static final String HOW_TO_GET = "pando train runs Spark, which is not in the default build. Run it through"
            + " './pando train', which builds the 'spark' profile, or build 'mvn -P spark -pl train-spark -am -DskipTests"
            + " package' and pass -D" + LAUNCH_PROPERTY + "=train-spark/target.";

    /**
     * How the job runs.
     *
     * @param master the Spark master: {@code local[N]} on this machine, or a cluster's address
     * @param tasks  how many tasks read the log and fold viewers
     * @param keep   how many snapshots are kept, the newest
     */
    record Options(String master, int tasks, int keep) {
        Options {
            if (tasks < 1 || keep < 1) {
                throw new ConfigurationError("--tasks and --keep take a whole number of at least 1");
            }
        }
    }

    private TrainCommand() {
    }

    /** Runs the job to its end, its output on this terminal; returns its exit code. */
    static int run(PandoConfig config, Options options, PrintStream out) {
        EventsConfig.Kafka kafka = config.events().kafka().orElseThrow(() -> new ConfigurationError(
                "pando train reads the events web nodes share on Kafka: set events.kafka.bootstrap, and blobs.s3.*"
                        + " unless the nodes share this data directory."));
        Path launch = launchFolder();
        Path scratch = createScratch();
        try {
            ProcessBuilder builder = new ProcessBuilder(command(config, kafka, options, launch, scratch)).inheritIO();
            builder.environment().putAll(environment(config, options));
            out.println("Training the taste models on Kafka topic " + kafka.topic() + " at " + kafka.bootstrap() + " with Spark "
                    + options.master());
            out.flush();
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the training job", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            FileTrees.deleteQuietly(scratch);
        }
    }

    static List<String> command(PandoConfig config, EventsConfig.Kafka kafka, Options options, Path launch, Path scratch) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "@" + launch.resolve("spark-jvm.options"), "-cp", read(launch.resolve("train-classpath.txt")), JOB,
                "--kafka", kafka.bootstrap(), "--topic", kafka.topic(), "--timeout-ms", String.valueOf(kafka.timeout().toMillis()),
                "--factors", String.valueOf(config.recommend().factors()),
                "--ease-head", String.valueOf(config.recommend().easeHead()),
                "--tasks", String.valueOf(options.tasks()), "--master", options.master(),
                "--keep", String.valueOf(options.keep()), "--scratch", scratch.toString()));
        config.blobs().s3().ifPresentOrElse(s3 -> command.addAll(List.of("--s3-endpoint", s3.endpoint().toString(),
                        "--s3-bucket", s3.bucket(), "--s3-region", s3.region())),
                () -> command.addAll(List.of("--data-dir", config.blobs().folder().toAbsolutePath().toString())));
        return command;
    }

    /** The bucket's keys, kept off the command line, and Spark's own address on this machine when it runs here. */
    private static Map<String, String> environment(PandoConfig config, Options options) {
        Map<String, String> environment = new HashMap<>();
        config.blobs().s3().map(S3Config::accessKey).ifPresent(k -> environment.put(Settings.environmentName("blobs.s3.access-key"), k));
        config.blobs().s3().map(S3Config::secretKey).ifPresent(k -> environment.put(Settings.environmentName("blobs.s3.secret-key"), k));
        if (options.master().startsWith("local")) {
            environment.put("SPARK_LOCAL_IP", "127.0.0.1");
        }
        return environment;
    }

    private static Path launchFolder() {
        String folder = System.getProperty(LAUNCH_PROPERTY, "");
        if (folder.isBlank() || !Files.isRegularFile(Path.of(folder, "train-classpath.txt"))) {
            throw new ConfigurationError(HOW_TO_GET);
        }
        return Path.of(folder);
    }

    private static Path createScratch() {
        try {
            return Files.createTempDirectory("pando-train-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
