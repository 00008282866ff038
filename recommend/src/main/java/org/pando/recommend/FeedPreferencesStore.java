package org.pando.recommend;

import java.util.Optional;

/** Where each account's {@link FeedPreferences} are kept. Implemented by the store module. */
public interface FeedPreferencesStore {
    /** The account's preferences, if it ever saved any. */
    Optional<FeedPreferences> find(String accountId);

    /** Saves the account's preferences, replacing earlier ones. */
    void save(String accountId, FeedPreferences preferences);
}
