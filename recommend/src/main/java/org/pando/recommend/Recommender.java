package org.pando.recommend;

/**
 * Chooses the videos of a feed page for a viewer.
 *
 * <pre>{@code
 * FeedPage page = recommender.recommend(new FeedRequest(viewer, Surface.FOR_YOU, Optional.empty(), 10));
 * }</pre>
 */
public interface Recommender {
    /** A page of video ids, best first, and the cursor of the next page. */
    FeedPage recommend(FeedRequest request);
}
