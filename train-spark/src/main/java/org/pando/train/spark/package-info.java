/**
 * {@code pando train}: the engine's taste models (iALS and EASE) trained offline as a Spark job on the Kafka topic the
 * web nodes share, and kept as a snapshot in their blob store. Built only under the {@code spark} Maven profile.
 *
 * <p>{@link org.pando.train.spark.TrainJob} is the job's entry point, started in a JVM of its own by {@code pando
 * train} with the settings of Pando's configuration. {@link org.pando.train.spark.TasteTraining} reads the log in
 * ranges of sequences, one per task ({@link org.pando.train.spark.RangeReader}), folds each viewer's events through the
 * engine's own {@link org.pando.recommend.engine.ValuedVideos}, fits iALS with Spark MLlib's ALS and sums EASE's Gram
 * matrix over the most valued videos partition by partition. {@link org.pando.train.spark.SnapshotShelf} keeps the
 * {@link org.pando.recommend.engine.TasteFit} under its key and removes the oldest.
 */
package org.pando.train.spark;
