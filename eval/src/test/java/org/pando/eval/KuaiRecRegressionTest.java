package org.pando.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The baselines and the hybrid on KuaiRec must keep the accuracy of the committed run
 * ({@code bench/results/eval-kuairec.json}): a drop of more than 0.002 in Recall@20 or NDCG@20 fails; so does a
 * jump of more than 0.01, which would mean the protocol changed rather than the model improved.
 */
class KuaiRecRegressionTest {
    private static final double DROP = 0.002;
    private static final double JUMP = 0.01;

    private static Dataset kuairec;
    private static JsonNode committed;

    @BeforeAll
    static void load() throws IOException {
        kuairec = Datasets.load("kuairec", Path.of(System.getProperty("pando.shared", "../shared")));
        Path root = Path.of(System.getProperty("pando.root", ".."));
        committed = new ObjectMapper().readTree(root.resolve("bench/results/eval-kuairec.json").toFile());
    }

    @Test
    void baselinesAndTheHybridKeepTheirCommittedAccuracy() {
        ProgressBar silent = new ProgressBar("test", new PrintStream(OutputStream.nullOutputStream()));
        for (String model : List.of("MostPop", "EASE", "iALS", "ItemKNN", "Pando-hybrid")) {
            Map<String, Object> row = ModelRun.evaluate(kuairec, Models.spec(model, kuairec), silent);
            JsonNode expected = committedRow(model);
            for (String metric : List.of("recall@20", "ndcg@20")) {
                double actual = (double) row.get(metric);
                double reference = expected.path(metric).asDouble();
                assertThat(actual).as("%s %s against the committed %.4f", model, metric, reference)
                        .isBetween(reference - DROP, reference + JUMP);
            }
        }
    }

    private static JsonNode committedRow(String model) {
        for (JsonNode row : committed.path("rows")) {
            if (model.equals(row.path("model").asText())) {
                return row;
            }
        }
        throw new AssertionError(model + " is missing from the committed KuaiRec results");
    }
}
