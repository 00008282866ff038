package org.pando.account;

import java.util.List;
import java.util.Optional;

/**
 * Where accounts and their tokens are kept. Implemented by the store module.
 *
 * <p>Creating an account is a catalog concern (it comes with a default channel), so it is not here.
 */
public interface AccountRepository {
    /** The account with this id. */
    Optional<Account> findById(String id);

    /** The account with this lower-case username. */
    Optional<Account> findByUsername(String username);

    /** The stored Argon2id hash of the account's password. */
    Optional<String> passwordHash(String accountId);

    /** Replaces the profile fields of the account. */
    void updateProfile(String accountId, Optional<String> country, List<String> languages);

    /** Gives the account a role. */
    void updateRole(String accountId, Role role);

    /** Keeps a newly issued token. */
    void saveToken(StoredToken token);

    /** The token whose secret has this digest. */
    Optional<StoredToken> findToken(String digest);

    /** Forgets the token with this digest; nothing happens when there is none. */
    void deleteToken(String digest);

    /** The account's API tokens, newest first. */
    List<ApiTokenInfo> apiTokens(String accountId);

    /** Deletes the account's API token with this id; returns whether one existed. */
    boolean deleteApiToken(String accountId, String tokenId);
}
