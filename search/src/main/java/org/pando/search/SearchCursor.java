package org.pando.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.pando.domain.InvalidInput;

/** The opaque cursor of the next page of answers: where in the ranking it starts. */
public final class SearchCursor {
    private static final String PREFIX = "search:";

    private SearchCursor() {
    }

    /** The cursor of the page starting at this place in the ranking. */
    public static String of(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The place in the ranking a cursor starts at.
     *
     * @throws InvalidInput when the cursor was not made by {@link #of(int)}
     */
    public static int offset(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            return Integer.parseInt(raw.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("cursor", "The cursor is not one this server gave out; start again without it.");
        }
    }
}
