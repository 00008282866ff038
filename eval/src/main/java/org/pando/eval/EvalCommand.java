package org.pando.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code pando eval --dataset gowalla|kuairec}: every model side by side in one run, each trained and measured
 * in a JVM of its own, reported as a Markdown table and JSON.
 *
 * <pre>{@code
 * EvalCommand.run("kuairec", Path.of("../shared"), Path.of("bench/results/eval-kuairec.json"), List.of(), System.out);
 * }</pre>
 *
 * <p>With {@link Split#VALID} the models train on train and are measured on valid, for choosing settings.
 */
public final class EvalCommand {
    /** BARS' EASE on Gowalla_m1, the gate every other number waits for. */
    static final double GATE_RECALL = 0.1765;
    static final double GATE_NDCG = 0.1467;
    static final double GATE_TOLERANCE = 0.002;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvalCommand() {
    }

    /**
     * Runs the models (the baselines and Pando's models when {@code models} is empty; anchors such as
     * {@code SparkALS} only when named) and writes {@code json} and the Markdown table beside it; returns the
     * exit status (non-zero when a model fails or the gate is missed).
     */
    public static int run(String dataset, Path shared, Path json, List<String> models, PrintStream out) {
        return run(dataset, shared, json, models, Split.TEST, out);
    }

    /** As {@link #run(String, Path, Path, List, PrintStream)}, measured on the given split. */
    public static int run(String dataset, Path shared, Path json, List<String> models, Split split, PrintStream out) {
        List<String> names = models.isEmpty()
                ? Stream.concat(Models.BASELINES.stream(), Models.PANDO.stream()).toList()
                : models;
        names.forEach(Models::requireKnown);
        if (names.contains(SparkLaunch.MODEL)) {
            SparkLaunch.requireClasspath();
        }
        Dataset probe = Datasets.load(dataset, shared, split);
        out.printf(Locale.ROOT, "%s: %d users x %d items, %d training and %d test interactions%n", dataset,
                probe.train().users(), probe.train().items(), probe.train().size(), probe.test().size());
        ArrayNode rows = JSON.createArrayNode();
        for (String name : names) {
            rows.add(runChild(dataset, name, shared, split));
        }
        ObjectNode report = JSON.createObjectNode();
        report.put("dataset", dataset);
        report.put("protocol", probe.protocol());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("lapack", lapack());
        report.set("rows", rows);
        boolean gateMet = true;
        if (dataset.equals("gowalla") && names.contains("EASE") && split == Split.TEST) {
            ObjectNode gate = gate(rows);
            report.set("gate", gate);
            gateMet = gate.path("met").asBoolean(false);
        }
        String table = MarkdownTable.of(report);
        out.println();
        out.print(table);
        write(json, report, table);
        out.println("Wrote " + json.toAbsolutePath() + " and " + markdownPath(json).toAbsolutePath());
        if (!gateMet) {
            out.println("GATE MISSED: EASE (λ=80) on Gowalla must land within ±" + GATE_TOLERANCE + " of Recall@20 "
                    + GATE_RECALL + " / NDCG@20 " + GATE_NDCG + "; the other numbers are not to be trusted.");
            return 1;
        }
        return 0;
    }

    private static ObjectNode gate(ArrayNode rows) {
        ObjectNode gate = JSON.createObjectNode();
        gate.put("model", "EASE");
        gate.put("expected_recall@20", GATE_RECALL);
        gate.put("expected_ndcg@20", GATE_NDCG);
        gate.put("tolerance", GATE_TOLERANCE);
        for (JsonNode row : rows) {
            if ("EASE".equals(row.path("model").asText())) {
                double recall = row.path("recall@20").asDouble();
                double ndcg = row.path("ndcg@20").asDouble();
                gate.put("recall@20", recall);
                gate.put("ndcg@20", ndcg);
                gate.put("met", Math.abs(recall - GATE_RECALL) <= GATE_TOLERANCE && Math.abs(ndcg - GATE_NDCG) <= GATE_TOLERANCE);
                return gate;
            }
        }
        gate.put("met", false);
        gate.put("note", "EASE was not run");
        return gate;
    }

    /** Runs one model in a child JVM, its progress on this terminal, and returns its result row. */
    private static JsonNode runChild(String dataset, String model, Path shared, Split split) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap(dataset), "--enable-native-access=ALL-UNNAMED"));
        boolean spark = model.equals(SparkLaunch.MODEL);
        if (spark) {
            command.addAll(SparkLaunch.JVM_OPTIONS);
        }
        command.addAll(List.of("-cp", spark ? SparkLaunch.requireClasspath() : System.getProperty("java.class.path"),
                ModelRun.class.getName(), dataset, model, shared.toAbsolutePath().toString(), split.label()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (spark) {
            builder.environment().putAll(SparkLaunch.ENVIRONMENT);
        }
        try {
            Process child = builder.start();
            JsonNode result = null;
            StringBuilder other = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(ModelRun.RESULT)) {
                        result = JSON.readTree(line.substring(ModelRun.RESULT.length()));
                    } else {
                        other.append(line).append('\n');
                    }
                }
            }
            int exit = child.waitFor();
            if (exit != 0 || result == null) {
                throw new IllegalStateException(model + " failed (exit " + exit + "):\n" + other);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Gowalla's dense EASE holds a 6.7 GB matrix; KuaiRec fits in little. */
    private static String heap(String dataset) {
        return dataset.equals("gowalla") ? "12g" : "2g";
    }

    private static String lapack() {
        try {
            return dev.ludovic.netlib.lapack.LAPACK.getInstance().getClass().getSimpleName();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable";
        }
    }

    private static void write(Path json, ObjectNode report, String table) {
        try {
            if (json.toAbsolutePath().getParent() != null) {
                Files.createDirectories(json.toAbsolutePath().getParent());
            }
            JSON.writeValue(json.toFile(), report);
            Files.writeString(markdownPath(json), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path markdownPath(Path json) {
        String name = json.getFileName().toString().replaceFirst("\\.json$", "") + ".md";
        return json.resolveSibling(name);
    }
}
