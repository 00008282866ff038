package org.pando.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.pando.learn.ExposurePolicy;
import org.pando.learn.Interactions;
import org.pando.learn.ItemScorer;
import org.pando.learn.TopK;

/**
 * One model on one dataset, in a JVM of its own: load, train (timed), rank every test user, time single
 * requests on a warm JVM, then print one result line for {@link EvalCommand}.
 *
 * <p>A user is scored from their training history and their training negatives, never the test's. A model
 * with an exposure policy ranks everyone's candidates first, then builds everyone's lists under the policy as one
 * round of recommendations, place by place ({@link ExposurePolicy#pickRound}).
 *
 * <pre>
 * java -cp pando.jar org.pando.eval.ModelRun gowalla EASE /path/to/shared [test|valid]
 * </pre>
 */
public final class ModelRun {
    /** The prefix of the result line on standard output. */
    static final String RESULT = "PANDO-EVAL-RESULT ";
    private static final int WARM_UP = 500;
    private static final int TIMED = 2000;
    /** How deep each user's candidates go when an exposure policy may pass over the best ones. */
    private static final int CANDIDATES = 500;

    private ModelRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: ModelRun <dataset> <model> <shared dir> [test|valid]");
            System.exit(2);
        }
        Split split = args.length == 4 ? Split.of(args[3]) : Split.TEST;
        Dataset data = Datasets.load(args[0], Path.of(args[2]), split);
        Models.Spec spec = Models.spec(args[1], data);
        Map<String, Object> row = evaluate(data, spec, new ProgressBar(spec.name(), System.err));
        row.put("peak_rss_mb", peakRssMb());
        System.out.println(RESULT + new ObjectMapper().writeValueAsString(row));
    }

    /** Trains the model and measures it: accuracy and reach on every test user, then single-request times. */
    static Map<String, Object> evaluate(Dataset data, Models.Spec spec, ProgressBar bar) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", spec.name());
        row.put("settings", spec.settings());

        double cpuBefore = processCpuSeconds();
        long start = System.nanoTime();
        ItemScorer scorer = spec.trainer().fit(data, bar);
        row.put("train_wall_s", round((System.nanoTime() - start) / 1e9));
        row.put("train_cpu_s", round(processCpuSeconds() - cpuBefore));
        bar.done();

        RankingMetrics metrics = new RankingMetrics(data);
        int[] testUsers = IntStream.range(0, data.test().users()).filter(u -> data.test().count(u) > 0).toArray();
        int depth = spec.exposure().isPresent() ? CANDIDATES : RankingMetrics.K;
        int[][] candidates = rank(scorer, data, testUsers, depth, metrics, bar);
        int[][] ranked = IntStream.of(testUsers).mapToObj(u -> candidates[u]).toArray(int[][]::new);
        int[][] lists = spec.exposure()
                .map(s -> ExposurePolicy.forRound(s, scorer.items(), testUsers.length, RankingMetrics.K)
                        .pickRound(ranked, RankingMetrics.K))
                .orElse(ranked);
        for (int i = 0; i < testUsers.length; i++) {
            metrics.addList(testUsers[i], lists[i]);
        }
        bar.done();
        metrics.results().forEach((name, value) -> row.put(name, round(value)));
        row.putAll(latency(scorer, data, testUsers, spec.exposure()));
        return row;
    }

    /** Every test user's best {@code depth} items, by user; their full scores go to the metrics for AUC. */
    private static int[][] rank(ItemScorer scorer, Dataset data, int[] testUsers, int depth, RankingMetrics metrics,
            ProgressBar bar) {
        Interactions train = data.train();
        int[][] candidates = new int[train.users()][];
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[scorer.items()]);
        int[] done = {0};
        IntStream.of(testUsers).parallel().forEach(u -> {
            float[] scores = buffers.get();
            int[] history = train.itemsOf(u);
            scorer.score(history, train.weightsOf(u), data.trainNegatives().itemsOf(u), scores);
            candidates[u] = TopK.select(scores, depth, history);
            metrics.addScores(u, scores);
            synchronized (done) {
                if (++done[0] % 500 == 0) {
                    bar.report("ranking test users", (double) done[0] / testUsers.length);
                }
            }
        });
        return candidates;
    }

    /**
     * Per-request time of scoring and picking a top-20 (under the exposure policy, if any), one request at a
     * time, after a warm-up.
     */
    private static Map<String, Object> latency(ItemScorer scorer, Dataset data, int[] users,
            Optional<ExposurePolicy.Settings> exposure) {
        Interactions train = data.train();
        Optional<ExposurePolicy> policy = exposure
                .map(s -> ExposurePolicy.forRound(s, scorer.items(), WARM_UP + TIMED, RankingMetrics.K));
        Histogram histogram = new Histogram(3);
        SplittableRandom random = new SplittableRandom(7);
        float[] scores = new float[scorer.items()];
        for (int i = 0; i < WARM_UP + TIMED; i++) {
            int u = users[random.nextInt(users.length)];
            long t0 = System.nanoTime();
            int[] history = train.itemsOf(u);
            scorer.score(history, train.weightsOf(u), data.trainNegatives().itemsOf(u), scores);
            if (policy.isPresent()) {
                policy.get().pick(TopK.select(scores, CANDIDATES, history), RankingMetrics.K);
            } else {
                TopK.select(scores, RankingMetrics.K, history);
            }
            if (i >= WARM_UP) {
                histogram.recordValue(System.nanoTime() - t0);
            }
        }
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("p50_ms", round(histogram.getValueAtPercentile(50) / 1e6));
        times.put("p99_ms", round(histogram.getValueAtPercentile(99) / 1e6));
        return times;
    }

    private static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : 0;
    }

    /** The JVM's peak resident memory (VmHWM), which counts native buffers such as LAPACK's too. */
    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
