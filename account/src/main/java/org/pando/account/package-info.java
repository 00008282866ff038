/**
 * Accounts and how people prove who they are.
 *
 * <p>{@link org.pando.account.AccountService} checks passwords (Argon2id, see
 * {@link org.pando.account.PasswordHasher}), issues browser session tokens and named API tokens, resolves
 * a presented token to its {@link org.pando.account.Account}, edits the profile (country and languages,
 * which the feed's Local tab and the recommender use) and assigns the {@link org.pando.account.Role}
 * (member, moderator or admin) that lets an account work through the review queue or grant roles. Tokens
 * are stored only as SHA-256 digests, so a leaked database does not leak sessions. Persistence is behind
 * {@link org.pando.account.AccountRepository}; this package knows no SQL and no HTTP.
 */
package org.pando.account;
