package org.pando.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.pando.learn.Interactions;
import org.pando.learn.ItemScorer;
import org.pando.learn.TopK;

/**
 * One model on one dataset, in a JVM of its own: load, train (timed), rank every test user, time single
 * requests on a warm JVM, then print one result line for {@link EvalCommand}.
 *
 * <pre>
 * java -cp pando.jar org.pando.eval.ModelRun gowalla EASE /path/to/shared
 * </pre>
 */
public final class ModelRun {
    /** The prefix of the result line on standard output. */
    static final String RESULT = "PANDO-EVAL-RESULT ";
    private static final int WARM_UP = 500;
    private static final int TIMED = 2000;

    private ModelRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ModelRun <dataset> <model> <shared dir>");
            System.exit(2);
        }
        Dataset data = Datasets.load(args[0], Path.of(args[2]));
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
        Interactions train = data.train();
        int[] testUsers = IntStream.range(0, data.test().users()).filter(u -> data.test().count(u) > 0).toArray();
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[scorer.items()]);
        int[] done = {0};
        IntStream.of(testUsers).parallel().forEach(u -> {
            float[] scores = buffers.get();
            scorer.score(train.itemsOf(u), train.weightsOf(u), scores);
            metrics.add(u, TopK.select(scores, RankingMetrics.K, train.itemsOf(u)), scores);
            synchronized (done) {
                if (++done[0] % 500 == 0) {
                    bar.report("ranking test users", (double) done[0] / testUsers.length);
                }
            }
        });
        bar.done();
        metrics.results().forEach((name, value) -> row.put(name, round(value)));
        row.putAll(latency(scorer, train, testUsers));
        return row;
    }

    /** Per-request time of scoring and picking a top-20, one request at a time, after a warm-up. */
    private static Map<String, Object> latency(ItemScorer scorer, Interactions train, int[] users) {
        Histogram histogram = new Histogram(3);
        SplittableRandom random = new SplittableRandom(7);
        float[] scores = new float[scorer.items()];
        for (int i = 0; i < WARM_UP + TIMED; i++) {
            int u = users[random.nextInt(users.length)];
            long t0 = System.nanoTime();
            int[] history = train.itemsOf(u);
            scorer.score(history, train.weightsOf(u), scores);
            TopK.select(scores, RankingMetrics.K, history);
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
