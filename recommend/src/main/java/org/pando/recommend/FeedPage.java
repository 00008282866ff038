package org.pando.recommend;

import java.util.List;
import java.util.Optional;

/**
 * A page of a feed.
 *
 * @param items      the videos, in the order to show them
 * @param nextCursor cursor of the next page, empty when there is none
 */
public record FeedPage(List<FeedItem> items, Optional<String> nextCursor) {
    public FeedPage {
        items = List.copyOf(items);
    }

    /** An empty last page. */
    public static FeedPage empty() {
        return new FeedPage(List.of(), Optional.empty());
    }

    /** The videos' ids, in order. */
    public List<String> videoIds() {
        return items.stream().map(FeedItem::videoId).toList();
    }
}
