package org.pando.eval.spark;

import java.util.Locale;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.pando.eval.AlsAnchor;
import org.pando.learn.AlsWrPenalty;
import org.pando.learn.ImplicitAls;
import org.pando.learn.Interactions;
import org.pando.learn.ItemScorer;
import org.pando.learn.Progress;

/**
 * Spark MLlib's implicit ALS ({@code ALS} with {@code implicitPrefs=true}) as the {@code SparkALS} row: the
 * iALS row's rank, iterations and α, and its λ turned into Spark's ALS-WR {@code regParam} so that the average
 * penalty is the same ({@link AlsWrPenalty}). It trains in a local Spark session that {@link #fit} starts and
 * stops, so its training time includes Spark's start. Users are scored by fold-in against Spark's item factors
 * with Spark's own user solve ({@link SparkAlsScorer}).
 *
 * <pre>{@code
 * ItemScorer scorer = new SparkAls().fit(train, new ImplicitAls.Settings(64, 15, 5f, 50f, 3, 42L), Progress.NONE);
 * }</pre>
 */
public final class SparkAls implements AlsAnchor {
    /** Local mode's worker threads, one per core of the reference machine. */
    static final int CORES = 2;
    private static final String STAGE = "Spark ALS jobs";

    @Override
    public String name() {
        return "SparkALS";
    }

    @Override
    public String settings(Interactions train, ImplicitAls.Settings als) {
        AlsWrPenalty penalty = AlsWrPenalty.matching(als.lambda(), train);
        return String.format(Locale.ROOT, "Spark MLlib %s ALS, implicitPrefs, rank=%d, maxIter=%d, α=%s, regParam=%.4f"
                        + " = λ/n̄ with λ=%s and n̄=%.2f positives per user and item (Spark scales regParam by each row's"
                        + " positives, ALS-WR; this matches iALS's fixed λ on average), local[%d], seed=%d; users folded"
                        + " in against Spark's item factors by Spark's own user solve (regParam·n_u)",
                org.apache.spark.package$.MODULE$.SPARK_VERSION(), als.factors(), als.iterations(), als.alpha(),
                penalty.regParam(), als.lambda(), penalty.meanPositives(), CORES, als.seed());
    }

    @Override
    public ItemScorer fit(Interactions train, ImplicitAls.Settings als, Progress progress) {
        AlsWrPenalty penalty = AlsWrPenalty.matching(als.lambda(), train);
        SparkFactors factors = train(train, als, penalty.regParam(), progress);
        return new SparkAlsScorer(factors.items(), factors.rank(), als.alpha(), penalty.regParam());
    }

    /** Fits Spark's ALS in a session of its own and copies the factors out before the session stops. */
    static SparkFactors train(Interactions train, ImplicitAls.Settings als, float regParam, Progress progress) {
        progress.report(STAGE, 0);
        try (LocalSpark spark = LocalSpark.start(CORES)) {
            spark.session().sparkContext().addSparkListener(new JobProgress(progress, STAGE, expectedJobs(als.iterations())));
            ALSModel model = estimator(als, regParam).fit(spark.ratings(train));
            return SparkFactors.of(model, train.users(), train.items());
        }
    }

    private static ALS estimator(ImplicitAls.Settings als, float regParam) {
        return new ALS()
                .setImplicitPrefs(true)
                .setRank(als.factors())
                .setMaxIter(als.iterations())
                .setAlpha(als.alpha())
                .setRegParam(regParam)
                .setSeed(als.seed())
                .setUserCol(LocalSpark.USER)
                .setItemCol(LocalSpark.ITEM)
                .setRatingCol(LocalSpark.WEIGHT);
    }

    /** The jobs a fit runs, counted on this version: two per iteration, and seven to prepare and collect. */
    private static int expectedJobs(int iterations) {
        return 2 * iterations + 7;
    }
}
