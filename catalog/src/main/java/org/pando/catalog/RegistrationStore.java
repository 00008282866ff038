package org.pando.catalog;

import org.pando.account.Account;

/** Stores a new account and its default channel in one transaction. Implemented by the store module. */
public interface RegistrationStore {
    /**
     * Adds both or neither; throws {@link org.pando.account.AccountTaken} when the username or email is used.
     */
    void register(Account account, String passwordHash, Channel defaultChannel);
}
