/**
 * The recommendation seam: every feed surface (For You, Following, Local) asks a
 * {@link org.pando.recommend.Recommender} for a page of videos.
 *
 * <p>The engine reads the catalog through {@link org.pando.recommend.CandidateSource} and learns from the
 * event stream (it subscribes to {@link org.pando.events.EventStream}); it knows no SQL and no HTTP.
 * {@link org.pando.recommend.BaselineRecommender} ranks by freshness and smoothed watch-completion, and
 * keeps any one creator from filling a page; the full engine replaces it behind the same interface.
 */
package org.pando.recommend;
