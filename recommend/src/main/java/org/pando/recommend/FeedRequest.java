package org.pando.recommend;

import java.util.Optional;
import org.pando.events.Surface;

/**
 * A request for one page of a feed.
 *
 * @param viewer  who it is for
 * @param surface which feed: for-you, following or local
 * @param cursor  the previous page's cursor, empty for the first page
 * @param limit   how many videos, 1 to 50
 */
public record FeedRequest(Viewer viewer, Surface surface, Optional<String> cursor, int limit) {
    /** Most videos one page holds. */
    public static final int MAX_LIMIT = 50;

    public FeedRequest {
        limit = Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
