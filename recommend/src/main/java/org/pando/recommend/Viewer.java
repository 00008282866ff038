package org.pando.recommend;

import java.util.List;
import java.util.Optional;

/**
 * Who a feed is for.
 *
 * @param accountId the signed-in account, if any
 * @param country   ISO 3166-1 alpha-2 country from the profile (or the browser), if known
 * @param languages ISO 639-1 languages by preference
 */
public record Viewer(Optional<String> accountId, Optional<String> country, List<String> languages) {
    public Viewer {
        languages = List.copyOf(languages);
    }

    /** Someone not signed in, of whom nothing is known. */
    public static Viewer anonymous() {
        return new Viewer(Optional.empty(), Optional.empty(), List.of());
    }
}
