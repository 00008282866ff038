package org.pando.account;

import java.time.Instant;

/**
 * What a person sees of their API tokens: never the secret.
 *
 * @param id        identifier used to revoke it
 * @param name      the name given when it was made
 * @param createdAt when it was made
 */
public record ApiTokenInfo(String id, String name, Instant createdAt) {
}
