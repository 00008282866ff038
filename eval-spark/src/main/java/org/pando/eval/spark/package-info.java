/**
 * Spark MLlib's ALS as a side-by-side anchor of {@code pando eval}: the {@code SparkALS} row. Built only under
 * the {@code spark} Maven profile, so the default build never downloads Spark.
 *
 * <p>{@link org.pando.eval.spark.SparkAls} is the {@link org.pando.eval.AlsAnchor} service: it trains
 * {@code org.apache.spark.ml.recommendation.ALS} with {@code implicitPrefs}, the iALS row's rank, iterations and
 * α, and its λ turned into Spark's ALS-WR {@code regParam} ({@link org.pando.learn.AlsWrPenalty}), in a
 * {@code local[2]} session that it starts and stops itself (bound to 127.0.0.1, no UI), and scores
 * users by folding them in against Spark's item factors with Spark's own user solve. The JVM needs the
 * {@code --add-opens} flags spark-submit passes; the harness adds them when it forks this row's child JVM.
 */
package org.pando.eval.spark;
