package org.pando.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.pando.learn.Hybrid;
import org.pando.learn.Interactions;
import org.pando.learn.TopK;

/**
 * Chooses the hybrid's weights on the validation split: fits every source once on train, scores each user
 * with a validation item once per source, then ranks them under every weight combination of a grid and
 * prints the combinations by NDCG@20 on valid. The test split is never read.
 *
 * <pre>
 * java -cp pando.jar org.pando.eval.HybridSearch kuairec /path/to/shared
 * </pre>
 */
public final class HybridSearch {
    private static final float[] ANY = {0f, 0.1f, 0.25f, 0.5f, 1f};

    private HybridSearch() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: HybridSearch <gowalla|kuairec> <shared dir>");
            System.exit(2);
        }
        boolean gowalla = args[0].equals("gowalla");
        Dataset data = Datasets.loadTuning(args[0], Path.of(args[1]));
        ProgressBar bar = new ProgressBar("hybrid search", System.err);
        Hybrid hybrid = PandoHybrid.fitAll(data, gowalla, bar);
        bar.done();
        List<String> names = hybrid.sources().stream().map(Hybrid.Source::name).toList();
        List<float[]> grid = grid(names, gowalla);
        List<Map<String, Double>> results = search(data, hybrid, grid, bar);
        bar.done();
        System.out.println(data.protocol() + "; weights on z-scores of " + names);
        List<Integer> order = new ArrayList<>(IntStream.range(0, grid.size()).boxed().toList());
        order.sort(Comparator.comparingDouble((Integer c) -> -results.get(c).get("ndcg@20")));
        for (int c : order) {
            Map<String, Double> m = results.get(c);
            System.out.printf(Locale.ROOT, "%-40s Recall@20 %.4f NDCG@20 %.4f coverage@20 %.3f Gini@20 %.3f%n",
                    java.util.Arrays.toString(grid.get(c)), m.get("recall@20"), m.get("ndcg@20"), m.get("coverage@20"),
                    m.get("gini@20"));
        }
    }

    /**
     * Every combination of weights: on Gowalla the graph filter is held at 1 and the others tried small; on
     * KuaiRec the popularity prior is on or off and each other source takes any of {@link #ANY}.
     */
    static List<float[]> grid(List<String> names, boolean gowalla) {
        List<float[]> choices = new ArrayList<>();
        for (String name : names) {
            choices.add(switch (name) {
                case "graph filter" -> gowalla ? new float[] {1f} : ANY;
                case "popularity" -> gowalla ? new float[] {0f, 0.05f, 0.1f, 0.2f, 0.4f} : new float[] {0f, 1f};
                case "co-occurrence" -> gowalla ? new float[] {0f, 0.1f, 0.25f} : ANY;
                case "iALS" -> gowalla ? new float[] {0f, 0.1f, 0.25f, 0.5f} : ANY;
                default -> ANY;
            });
        }
        List<float[]> grid = new ArrayList<>();
        grid.add(new float[0]);
        for (float[] values : choices) {
            List<float[]> longer = new ArrayList<>();
            for (float[] prefix : grid) {
                for (float v : values) {
                    float[] next = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                    next[prefix.length] = v;
                    longer.add(next);
                }
            }
            grid = longer;
        }
        grid.removeIf(w -> IntStream.range(0, w.length).allMatch(s -> w[s] == 0f));
        return grid;
    }

    private static List<Map<String, Double>> search(Dataset data, Hybrid hybrid, List<float[]> grid, ProgressBar bar) {
        List<RankingMetrics> metrics = grid.stream().map(w -> new RankingMetrics(data)).toList();
        Interactions train = data.train();
        int[] users = IntStream.range(0, data.test().users()).filter(u -> data.test().count(u) > 0).toArray();
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[hybrid.items()]);
        int[] done = {0};
        IntStream.of(users).parallel().forEach(u -> {
            int[] history = train.itemsOf(u);
            int[] negatives = data.trainNegatives().itemsOf(u);
            float[][] sources = hybrid.standardisedSources(history, train.weightsOf(u), negatives);
            float[] scores = buffers.get();
            for (int c = 0; c < grid.size(); c++) {
                Hybrid.blend(sources, grid.get(c), negatives, scores);
                metrics.get(c).addList(u, TopK.select(scores, RankingMetrics.K, history));
            }
            synchronized (done) {
                if (++done[0] % 200 == 0) {
                    bar.report("validation users", (double) done[0] / users.length);
                }
            }
        });
        return metrics.stream().map(RankingMetrics::results).toList();
    }
}
