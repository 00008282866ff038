/**
 * Pando's recommendation engine: {@link org.pando.recommend.engine.Engine} consumes the event stream, keeps
 * each source's state current (trending counters, item-to-item co-occurrence, iALS with per-event fold-in,
 * EASE on the active head, a content index, the fresh-upload pool), merges a few hundred candidates per
 * request, scores them with an online-learned linear ranker whose parts are the "why this video" shown to
 * the viewer, and assembles pages under the exposure policy with a small disclosed exploration slot.
 */
package org.pando.recommend.engine;
