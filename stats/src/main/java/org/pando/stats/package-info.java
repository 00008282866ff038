/**
 * Statistics creators can act on, built from the same event stream the recommender learns from.
 *
 * <p>{@link org.pando.stats.StatsAggregator} reads the stream and folds each event into a
 * {@link org.pando.stats.StatsDelta}; about once a second the delta is added to the stored totals together with
 * the sequence of the last event it holds, in one transaction ({@link org.pando.stats.StatsStore}), so a restart
 * resumes exactly where the totals stop. The totals are kept per video (views, watch time, retention as
 * per-second reach, traffic sources, audience, per-minute counts) and a channel's statistics are sums over its
 * videos' rows, never a scan of the events. {@link org.pando.stats.CreatorStats} turns them into what the studio
 * shows, with {@link org.pando.stats.ViewForecast} predicting the next 30 minutes.
 */
package org.pando.stats;
