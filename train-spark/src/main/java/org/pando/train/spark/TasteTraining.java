package org.pando.train.spark;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.TaskCompletionListener;
import org.pando.events.EventCodec;
import org.pando.events.LogPosition;
import org.pando.events.kafka.KafkaEventLog;
import org.pando.learn.AlsWrPenalty;
import org.pando.learn.Ease;
import org.pando.learn.Progress;
import org.pando.recommend.engine.TasteFit;
import org.pando.recommend.engine.ValuedVideos;
import scala.Tuple2;
import scala.collection.Seq;

/**
 * The engine's taste models trained as a Spark job on the event log. Each task reads its share of the log (a range of
 * sequences in one partition, which holds all of a viewer's events); the events are grouped by viewer and folded, in
 * the log's order, through {@link ValuedVideos}, the same rule the engine keeps each viewer's valued videos by. Spark
 * MLlib's ALS then fits iALS on them (implicit, with the
 * engine's rank, sweeps, α and, through {@link AlsWrPenalty}, its λ), and EASE's Gram matrix over the most valued
 * videos is summed a partition at a time and inverted on the driver. The result is a {@link TasteFit}, versioned by
 * the time it was trained.
 *
 * <pre>{@code
 * TasteFit fit = new TasteTraining(session, clock).train(source, 32, 1000, 4, progress);
 * }</pre>
 */
final class TasteTraining {
    static final long SEED = 42L;
    private static final String USER = "user";
    private static final String ITEM = "item";
    private static final String WEIGHT = "weight";
    private static final StructType RATINGS = new StructType()
            .add(USER, DataTypes.IntegerType, false)
            .add(ITEM, DataTypes.IntegerType, false)
            .add(WEIGHT, DataTypes.FloatType, false);

    private final SparkSession session;
    private final JavaSparkContext spark;
    private final Clock clock;

    TasteTraining(SparkSession session, Clock clock) {
        this.session = session;
        this.spark = JavaSparkContext.fromSparkContext(session.sparkContext());
        this.clock = clock;
    }

    /**
     * Trains on every event the log holds now.
     *
     * @param factors   iALS vector length
     * @param headSize  most videos EASE covers (the most valued)
     * @param tasks     how many tasks read the log and fold viewers
     * @throws NothingToLearn when fewer than two viewers valued fewer than two videos
     */
    TasteFit train(KafkaSource source, int factors, int headSize, int tasks, Progress progress) {
        long version = clock.millis();
        LogPosition end;
        try (KafkaEventLog log = source.open()) {
            end = log.end();
        }
        long events = end.total();
        progress.report("reading " + events + " events and folding each viewer's", 0);
        JavaPairRDD<String, Map<String, Double>> valued = valuedVideos(source, end, tasks)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> degrees = valued.values().flatMap(h -> h.keySet().iterator()).countByValue();
            long viewers = valued.count();
            if (viewers < 2 || degrees.size() < 2) {
                throw new NothingToLearn(viewers, degrees.size(), events);
            }
            List<String> videos = new ArrayList<>(degrees.keySet());
            Collections.sort(videos);
            progress.report("iALS on " + viewers + " viewers and " + videos.size() + " videos", 0.3);
            float[] itemFactors = itemFactors(valued, viewers, videos, degrees, factors);
            List<String> head = head(degrees, headSize);
            progress.report("EASE on the " + head.size() + " most valued videos", 0.8);
            float[] easeWeights = easeWeights(valued, head);
            progress.report("trained", 1);
            return new TasteFit(version, videos, factors, itemFactors, head, easeWeights);
        } finally {
            valued.unpersist(false);
        }
    }

    /** Each viewer who valued anything, with their valued videos as the engine would hold them after the last event. */
    JavaPairRDD<String, Map<String, Double>> valuedVideos(KafkaSource source, LogPosition end, int tasks) {
        List<SequenceRange> ranges = SequenceRange.split(end, tasks);
        return spark.parallelize(ranges, Math.max(1, ranges.size()))
                .flatMapToPair(range -> {
                    RangeReader reader = new RangeReader(source.open(), range);
                    TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> reader.close());
                    return reader;
                })
                .groupByKey(tasks)
                .mapValues(TasteTraining::fold)
                .filter(viewer -> !viewer._2().isEmpty());
    }

    /** A viewer's events, in the log's order, folded into their valued videos. */
    private static Map<String, Double> fold(Iterable<Tuple2<Long, byte[]>> events) throws IOException {
        List<Tuple2<Long, byte[]>> ordered = new ArrayList<>();
        events.forEach(ordered::add);
        ordered.sort(Comparator.comparingLong(Tuple2::_1));
        ValuedVideos valued = new ValuedVideos();
        for (Tuple2<Long, byte[]> e : ordered) {
            valued.accept(EventCodec.of(e._2(), 0, e._2().length));
        }
        return new HashMap<>(valued.weights());
    }

    /** Spark MLlib's implicit ALS, with the engine's settings; the item vectors in the order of {@code videos}. */
    private float[] itemFactors(JavaPairRDD<String, Map<String, Double>> valued, long viewers, List<String> videos,
            Map<String, Long> degrees, int factors) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < videos.size(); i++) {
            index.put(videos.get(i), i);
        }
        Broadcast<Map<String, Integer>> items = spark.broadcast(index);
        JavaRDD<Row> rows = valued.values().zipWithIndex().flatMap(viewer -> {
            List<Row> out = new ArrayList<>();
            viewer._1().forEach((video, weight) -> out.add(RowFactory.create(Math.toIntExact(viewer._2()),
                    items.value().get(video), (float) (double) weight)));
            return out.iterator();
        });
        Dataset<Row> ratings = session.createDataFrame(rows, RATINGS);
        long positives = degrees.values().stream().mapToLong(Long::longValue).sum();
        AlsWrPenalty penalty = AlsWrPenalty.counted(TasteFit.ALS_LAMBDA, positives, viewers, videos.size());
        ALSModel model = new ALS()
                .setImplicitPrefs(true)
                .setRank(factors)
                .setMaxIter(TasteFit.ITERATIONS)
                .setAlpha(TasteFit.ALPHA)
                .setRegParam(penalty.regParam())
                .setSeed(SEED)
                .setUserCol(USER)
                .setItemCol(ITEM)
                .setRatingCol(WEIGHT)
                .fit(ratings);
        float[] out = new float[videos.size() * factors];
        for (Row row : model.itemFactors().collectAsList()) {
            int item = row.getInt(0);
            Seq<Object> vector = row.getSeq(1);
            for (int f = 0; f < factors; f++) {
                out[item * factors + f] = ((Number) vector.apply(f)).floatValue();
            }
        }
        items.destroy();
        return out;
    }

    /** The {@code size} most valued videos, most valued first (ties by id). */
    private static List<String> head(Map<String, Long> degrees, int size) {
        return degrees.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(size)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** EASE over the head: the Gram matrix summed one partition at a time, then inverted here. */
    private float[] easeWeights(JavaPairRDD<String, Map<String, Double>> valued, List<String> head) {
        int n = head.size();
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < n; j++) {
            index.put(head.get(j), j);
        }
        Broadcast<Map<String, Integer>> headIndex = spark.broadcast(index);
        float[] gram = valued.values().mapPartitions((Iterator<Map<String, Double>> viewers) -> {
            float[] sums = new float[n * n];
            viewers.forEachRemaining(history -> {
                int[] items = new int[history.size()];
                float[] weights = new float[history.size()];
                int kept = 0;
                for (Map.Entry<String, Double> e : history.entrySet()) {
                    Integer j = headIndex.value().get(e.getKey());
                    if (j != null) {
                        items[kept] = j;
                        weights[kept++] = (float) (double) e.getValue();
                    }
                }
                Ease.addToGram(sums, n, Arrays.copyOf(items, kept), Arrays.copyOf(weights, kept));
            });
            return List.of(sums).iterator();
        }).reduce(TasteTraining::sum);
        headIndex.destroy();
        Ease ease = Ease.ofGram(n, gram, TasteFit.EASE_LAMBDA, Progress.NONE);
        float[] weights = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                weights[i * n + j] = ease.weight(i, j);
            }
        }
        return weights;
    }

    private static float[] sum(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    /** Thrown when the log holds too little to learn from. */
    static final class NothingToLearn extends RuntimeException {
        NothingToLearn(long viewers, int videos, long events) {
            super("Nothing to learn yet: " + viewers + " viewers valued " + videos + " videos in " + events
                    + " events; the taste models need at least two of each");
        }
    }
}
