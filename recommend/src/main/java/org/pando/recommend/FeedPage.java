package org.pando.recommend;

import java.util.List;
import java.util.Optional;

/**
 * A page of a feed.
 *
 * @param videoIds   the videos, in the order to show them
 * @param nextCursor cursor of the next page, empty when there is none
 */
public record FeedPage(List<String> videoIds, Optional<String> nextCursor) {
    public FeedPage {
        videoIds = List.copyOf(videoIds);
    }
}
