package org.pando.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the child JVM of the {@code SparkALS} row starts: with the class path of the {@code eval-spark} module,
 * which the {@code spark} Maven profile writes to {@code eval-spark/target/spark-classpath.txt} and the launcher
 * names in the system property {@value #CLASSPATH_PROPERTY}, and with the module openings spark-submit adds.
 */
final class SparkLaunch {
    static final String MODEL = "SparkALS";
    static final String CLASSPATH_PROPERTY = "pando.eval.spark-classpath";
    static final String HOW_TO_GET = MODEL + " runs Spark MLlib, which is not in the default build. Run it through"
            + " './pando eval --models ...,SparkALS', which builds the 'spark' profile, or build it with"
            + " 'mvn -P spark -pl eval-spark -am -DskipTests package' and start the harness with -D" + CLASSPATH_PROPERTY
            + "=eval-spark/target/spark-classpath.txt.";

    /**
     * What spark-submit passes: the JDK internals Spark reaches into, and the vector module its Java BLAS uses.
     * The eval-spark tests use the same list.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "--add-modules=jdk.incubator.vector",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true");

    /** Spark's own address lookup, which would otherwise pick the first non-loopback interface. */
    static final Map<String, String> ENVIRONMENT = Map.of("SPARK_LOCAL_IP", "127.0.0.1");

    private SparkLaunch() {
    }

    /** The class path of the Spark module, when the launcher named a file that exists. */
    private static Optional<String> classpath() {
        String file = System.getProperty(CLASSPATH_PROPERTY, "");
        if (file.isBlank() || !Files.isRegularFile(Path.of(file))) {
            return Optional.empty();
        }
        try {
            String classpath = Files.readString(Path.of(file)).strip();
            return classpath.isEmpty() ? Optional.empty() : Optional.of(classpath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path, or a {@link ModelUnavailable} that says how to build it. */
    static String requireClasspath() {
        return classpath().orElseThrow(() -> new ModelUnavailable(HOW_TO_GET));
    }
}
