package org.pando.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report of a run as a Markdown table, one row per model. */
final class MarkdownTable {
    private record Column(String title, String field, String format) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("Recall@10", "recall@10", "%.4f"), new Column("Recall@20", "recall@20", "%.4f"),
            new Column("NDCG@10", "ndcg@10", "%.4f"), new Column("NDCG@20", "ndcg@20", "%.4f"),
            new Column("coverage@20", "coverage@20", "%.3f"), new Column("Gini@20", "gini@20", "%.3f"),
            new Column("top-1% share", "top1_share@20", "%.3f"), new Column("long tail", "long_tail_share", "%.3f"),
            new Column("novelty", "novelty", "%.2f"),
            new Column("neg@20", "negatives@20", "%.3f"), new Column("AUC", "auc", "%.4f"),
            new Column("train CPU s", "train_cpu_s", "%.1f"), new Column("train wall s", "train_wall_s", "%.1f"),
            new Column("peak RSS MB", "peak_rss_mb", "%.0f"), new Column("p50 ms", "p50_ms", "%.2f"),
            new Column("p99 ms", "p99_ms", "%.2f"));

    private MarkdownTable() {
    }

    static String of(JsonNode report) {
        List<Column> columns = new ArrayList<>();
        for (Column c : COLUMNS) {
            boolean present = false;
            for (JsonNode row : report.path("rows")) {
                present |= row.has(c.field());
            }
            if (present) {
                columns.add(c);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("## ").append(report.path("dataset").asText()).append(": ").append(report.path("protocol").asText())
                .append("\n\n| model |");
        columns.forEach(c -> md.append(' ').append(c.title()).append(" |"));
        md.append("\n| --- |");
        columns.forEach(c -> md.append(" ---: |"));
        md.append('\n');
        for (JsonNode row : report.path("rows")) {
            md.append("| ").append(row.path("model").asText()).append(" |");
            for (Column c : columns) {
                md.append(' ').append(row.has(c.field()) ? String.format(Locale.ROOT, c.format(), row.path(c.field()).asDouble()) : "")
                        .append(" |");
            }
            md.append('\n');
        }
        md.append("\nSettings: ");
        List<String> settings = new ArrayList<>();
        report.path("rows").forEach(row -> settings.add(row.path("model").asText() + " (" + row.path("settings").asText() + ")"));
        md.append(String.join("; ", settings)).append(".\n");
        JsonNode gate = report.path("gate");
        if (!gate.isMissingNode()) {
            md.append(String.format(Locale.ROOT, "%nGate: EASE Recall@20 %.4f / NDCG@20 %.4f against %.4f / %.4f ± %.3f: %s.%n",
                    gate.path("recall@20").asDouble(), gate.path("ndcg@20").asDouble(), gate.path("expected_recall@20").asDouble(),
                    gate.path("expected_ndcg@20").asDouble(), gate.path("tolerance").asDouble(),
                    gate.path("met").asBoolean() ? "met" : "MISSED"));
        }
        md.append("\nMachine: ").append(report.path("cores").asInt()).append(" cores, LAPACK ")
                .append(report.path("lapack").asText()).append(".\n");
        return md.toString();
    }
}
