package org.pando.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a longer list, newest or best first, and the cursor that fetches the next one.
 *
 * @param items      this page's items
 * @param nextCursor opaque cursor of the next page; empty on the last page
 * @param <T>        item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page made from rows fetched with a limit one larger than the page, which tells whether a next page
     * exists without counting.
     */
    public static <T> Page<T> ofOverfetched(List<T> rows, int limit, Function<T, Keyset> position) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, Optional.of(position.apply(items.getLast()).cursor()));
    }

    /** A page with no items and no next page. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), Optional.empty());
    }
}
