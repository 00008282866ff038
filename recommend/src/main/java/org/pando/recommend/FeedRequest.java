package org.pando.recommend;

import java.util.Optional;
import org.pando.events.Surface;

/**
 * A request for one page of a feed.
 *
 * @param viewer       who it is for
 * @param surface      which feed: for-you, following or local
 * @param cursor       the previous page's cursor, empty for the first page
 * @param limit        how many videos, 1 to 50
 * @param preferences  the viewer's strategy and signal weights
 * @param seenSequence the last event sequence the viewer's own requests appended: the page reflects at
 *                     least the events up to it (0 when there are none)
 */
public record FeedRequest(
        Viewer viewer, Surface surface, Optional<String> cursor, int limit, FeedPreferences preferences, long seenSequence) {
    /** Most videos one page holds. */
    public static final int MAX_LIMIT = 50;

    public FeedRequest {
        limit = Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    /** A request with default preferences that waits for no event. */
    public FeedRequest(Viewer viewer, Surface surface, Optional<String> cursor, int limit) {
        this(viewer, surface, cursor, limit, FeedPreferences.defaults(), 0);
    }
}
