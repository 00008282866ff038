package org.pando.recommend;

/**
 * Chooses the videos of a feed page for a viewer, and the videos related to one video.
 *
 * <pre>{@code
 * FeedPage page = recommender.recommend(new FeedRequest(viewer, Surface.FOR_YOU, Optional.empty(), 10));
 * FeedPage next = recommender.related("video-id", viewer, 12);
 * }</pre>
 */
public interface Recommender {
    /** A page of videos, best first, each with why it was chosen, and the cursor of the next page. */
    FeedPage recommend(FeedRequest request);

    /** Videos to watch after this one, best first; empty when the video is unknown. */
    FeedPage related(String videoId, Viewer viewer, int limit);

    /**
     * A visitor made this account: what they watched as a visitor, and any of their events still to come, count
     * for the account from now on.
     */
    void carryOver(String visitorId, String accountId);
}
