package org.pando.recommend;

import java.util.List;
import java.util.Optional;

/**
 * Who a feed is for.
 *
 * @param accountId the signed-in account, if any
 * @param visitorId when not signed in, the id the browser was given with its first event ("visitor-…"), so
 *                  that what it watched shapes its feed too; empty for someone never seen
 * @param country   ISO 3166-1 alpha-2 country from the profile (or the browser), if known
 * @param languages ISO 639-1 languages by preference
 */
public record Viewer(Optional<String> accountId, Optional<String> visitorId, Optional<String> country, List<String> languages) {
    public Viewer {
        languages = List.copyOf(languages);
        if (accountId.isPresent() && visitorId.isPresent()) {
            throw new IllegalArgumentException("A viewer is signed in or a visitor, not both");
        }
    }

    /** A signed-in viewer, or one of whom nothing but the browser's country and languages is known. */
    public Viewer(Optional<String> accountId, Optional<String> country, List<String> languages) {
        this(accountId, Optional.empty(), country, languages);
    }

    /** Someone not signed in, of whom nothing is known. */
    public static Viewer anonymous() {
        return new Viewer(Optional.empty(), Optional.empty(), List.of());
    }

    /** Whom the viewer's events are recorded for: the account, or the visitor. */
    public Optional<String> userId() {
        return accountId.or(() -> visitorId);
    }
}
