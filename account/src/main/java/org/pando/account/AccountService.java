package org.pando.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pando.domain.InvalidInput;
import org.pando.domain.RandomIds;

/**
 * Signs people in and out, issues and resolves tokens, and edits profiles.
 *
 * <pre>{@code
 * IssuedToken session = accounts.signIn("ana", "correct horse");
 * Account who = accounts.authenticate(session.secret()).orElseThrow(NotSignedIn::new);
 * }</pre>
 */
public final class AccountService {
    private static final String API_TOKEN_PREFIX = "pat_";

    private final AccountRepository repository;
    private final PasswordHasher hasher;
    private final AuthConfig config;
    private final Clock clock;
    private final String decoyHash;

    public AccountService(AccountRepository repository, PasswordHasher hasher, AuthConfig config, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.config = config;
        this.clock = clock;
        // Checked against when the username does not exist, so both failures take the same time.
        this.decoyHash = hasher.hash(RandomIds.secret());
    }

    /** Checks the password and opens a browser session. */
    public IssuedToken signIn(String username, String password) {
        Optional<Account> account = repository.findByUsername(username.trim().toLowerCase(Locale.ROOT));
        String hash = account.flatMap(a -> repository.passwordHash(a.id())).orElse(decoyHash);
        boolean matches = hasher.matches(password, hash);
        if (account.isEmpty() || !matches) {
            throw new InvalidCredentials();
        }
        Instant now = clock.instant();
        return issue(account.get().id(), TokenKind.SESSION, "", now, Optional.of(now.plus(config.sessionTtl())));
    }

    /** The account a session or API token belongs to, if the token is valid now. */
    public Optional<Account> authenticate(String secret) {
        Instant now = clock.instant();
        return repository.findToken(TokenDigest.of(secret))
                .filter(token -> token.validAt(now))
                .flatMap(token -> repository.findById(token.accountId()));
    }

    /** Ends the session (or revokes the token) with this secret. */
    public void signOut(String secret) {
        repository.deleteToken(TokenDigest.of(secret));
    }

    /** A new named API token for scripts; its secret is shown once. */
    public IssuedToken createApiToken(String accountId, String name) {
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInput("name", "Give the token a name of 1 to 100 characters, such as 'backup script'.");
        }
        return issue(accountId, TokenKind.API, trimmed, clock.instant(), Optional.empty());
    }

    /** The account's API tokens, newest first, without secrets. */
    public List<ApiTokenInfo> apiTokens(String accountId) {
        return repository.apiTokens(accountId);
    }

    /** Revokes one of the account's API tokens. */
    public void revokeApiToken(String accountId, String tokenId) {
        if (!repository.deleteApiToken(accountId, tokenId)) {
            throw new ApiTokenNotFound(tokenId);
        }
    }

    /** The account with this id. */
    public Account account(String accountId) {
        return repository.findById(accountId).orElseThrow(NotSignedIn::new);
    }

    /** Changes country and/or languages; fields left empty keep their value. */
    public Account updateProfile(String accountId, ProfileUpdate update) {
        Account current = account(accountId);
        Optional<String> country = update.country().isPresent()
                ? update.country().filter(c -> !c.isBlank()).map(Locales::country)
                : current.country();
        List<String> languages = update.languages().map(Locales::languages).orElse(current.languages());
        repository.updateProfile(accountId, country, languages);
        return account(accountId);
    }

    /**
     * Gives the account with this username a role, without asking who may: for the operator's command line
     * ({@code pando role}), which has the database in hand anyway.
     */
    public Account assignRole(String username, Role role) {
        Account account = repository.findByUsername(username.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new AccountNotFound(username));
        repository.updateRole(account.id(), role);
        return account(account.id());
    }

    /** An admin gives another account a role; an admin cannot change their own, so one always remains. */
    public Account assignRole(Account admin, String username, Role role) {
        if (admin.role() != Role.ADMIN) {
            throw RoleRequired.admin();
        }
        if (admin.username().equals(username.trim().toLowerCase(Locale.ROOT))) {
            throw new InvalidInput("username", "You cannot change your own role; ask another admin.");
        }
        return assignRole(username, role);
    }

    private IssuedToken issue(String accountId, TokenKind kind, String name, Instant now, Optional<Instant> expires) {
        String secret = kind == TokenKind.API ? API_TOKEN_PREFIX + RandomIds.secret() : RandomIds.secret();
        String id = RandomIds.id();
        repository.saveToken(new StoredToken(id, TokenDigest.of(secret), accountId, kind, name, now, expires));
        return new IssuedToken(id, secret, expires);
    }
}
