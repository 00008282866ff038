package org.pando.train.spark;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.pando.blobs.BlobStore;
import org.pando.blobs.DiskBlobStore;
import org.pando.blobs.S3BlobStore;
import org.pando.blobs.S3Config;
import org.pando.learn.Progress;
import org.pando.recommend.engine.TasteFit;

/**
 * The Spark job {@code pando train} starts in a JVM of its own, with the settings it read from Pando's configuration
 * as options and the bucket's keys in the environment ({@value #ACCESS_KEY}, {@value #SECRET_KEY}), never on the
 * command line. It trains the taste models on the Kafka event log ({@link TasteTraining}) and keeps the fit as the
 * newest snapshot in the blob store ({@link SnapshotShelf}), where web nodes with {@code recommend.offline-models}
 * adopt it.
 *
 * <pre>
 * TrainJob --kafka HOST:PORT --topic T --timeout-ms N --factors K --ease-head N --tasks N --master local[2]
 *          --keep N --scratch DIR (--data-dir DIR | --s3-endpoint URL --s3-bucket B --s3-region R)
 * </pre>
 * Exit codes: 0 trained and kept; 1 failed; 2 bad options; 3 nothing to learn yet.
 */
public final class TrainJob {
    static final String ACCESS_KEY = "PANDO_BLOBS_S3_ACCESS_KEY";
    static final String SECRET_KEY = "PANDO_BLOBS_S3_SECRET_KEY";
    private static final Set<String> OPTIONS = Set.of("--kafka", "--topic", "--timeout-ms", "--factors", "--ease-head",
            "--tasks", "--master", "--keep", "--scratch", "--data-dir", "--s3-endpoint", "--s3-bucket", "--s3-region");

    private TrainJob() {
    }

    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pando train: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            String key = run(options, System.getenv());
            System.out.println("Kept the taste models as " + key);
        } catch (TasteTraining.NothingToLearn e) {
            System.err.println("pando train: " + e.getMessage());
            System.exit(3);
        } catch (IllegalArgumentException e) {
            System.err.println("pando train: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("pando train: training failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Trains and keeps the snapshot; returns its key. */
    static String run(Map<String, String> options, Map<String, String> environment) {
        KafkaSource source = new KafkaSource(required(options, "--kafka"), required(options, "--topic"),
                Duration.ofMillis(number(options, "--timeout-ms")));
        Path scratch = Path.of(required(options, "--scratch"));
        BlobStore blobs = blobs(options, environment);
        try (AutoCloseable closeBlobs = blobs instanceof AutoCloseable c ? c : () -> { };
                SparkSession session = session(required(options, "--master"))) {
            Progress progress = (stage, fraction) -> System.out.printf(Locale.ROOT, "%-60s %3d%%%n", stage,
                    Math.round(fraction * 100));
            TasteFit fit = new TasteTraining(session, Clock.systemUTC()).train(source, (int) number(options, "--factors"),
                    (int) number(options, "--ease-head"), (int) number(options, "--tasks"), progress);
            return new SnapshotShelf(blobs, scratch, (int) number(options, "--keep")).put(fit);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A local session bound to loopback, without the web UI, or one that joins the cluster {@code master} names. */
    static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("pando-train").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
        }
        return builder.getOrCreate();
    }

    private static BlobStore blobs(Map<String, String> options, Map<String, String> environment) {
        if (options.containsKey("--s3-endpoint")) {
            S3Config s3 = new S3Config(URI.create(options.get("--s3-endpoint")), required(options, "--s3-bucket"),
                    options.getOrDefault("--s3-region", "us-east-1"), environment.getOrDefault(ACCESS_KEY, ""),
                    environment.getOrDefault(SECRET_KEY, ""), false);
            return S3BlobStore.open(s3, Clock.systemUTC());
        }
        Path dataDir = Path.of(required(options, "--data-dir"));
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("No data directory " + dataDir);
        }
        return new DiskBlobStore(dataDir);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i += 2) {
            String name = list.get(i);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= list.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name, list.get(i + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static long number(Map<String, String> options, String name) {
        try {
            return Long.parseLong(required(options, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not " + options.get(name));
        }
    }
}
