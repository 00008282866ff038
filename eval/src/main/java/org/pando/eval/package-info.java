/**
 * The offline harness behind {@code pando eval}: public recommendation datasets read in their published
 * splits, ranking metrics as the literature defines them, and every model trained and measured side by
 * side, each in a JVM of its own so its CPU time and peak memory are its own.
 *
 * <p>{@link org.pando.eval.EvalCommand} runs a dataset's models and writes a Markdown table and JSON, on the
 * published test split or, for choosing settings, on validation ({@link org.pando.eval.Split});
 * {@link org.pando.eval.HybridSearch} chooses the hybrid's weights on validation;
 * {@link org.pando.eval.ModelRun} is the entry point of one model's child JVM; {@link org.pando.eval.Datasets}
 * reads Gowalla (the LightGCN split) and KuaiRec (the SIGformer split); {@link org.pando.eval.RankingMetrics}
 * computes Recall, NDCG, coverage, exposure Gini, the top 1%'s share, long-tail share, novelty and, where negatives
 * are known, AUC and the share of known negatives recommended. {@link org.pando.eval.AlsAnchor} is the service
 * that optional modules implement to add an outside ALS (Spark MLlib in {@code eval-spark}) as a row of its own;
 * the harness finds it at run time and never depends on it at compile time.
 */
package org.pando.eval;
