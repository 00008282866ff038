package org.pando.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A token as the repository keeps it: only the SHA-256 digest of the secret.
 *
 * @param id        public identifier, used to list and revoke API tokens
 * @param digest    hex SHA-256 of the secret
 * @param accountId whose token it is
 * @param kind      session or API token
 * @param name      the name an API token was given; empty for sessions
 * @param createdAt when it was issued
 * @param expiresAt when it stops working; empty for API tokens
 */
public record StoredToken(
        String id,
        String digest,
        String accountId,
        TokenKind kind,
        String name,
        Instant createdAt,
        Optional<Instant> expiresAt) {

    /** Whether the token still works at {@code now}. */
    public boolean validAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }
}
