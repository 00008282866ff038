package org.pando.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pando.domain.InvalidInput;
import org.pando.domain.RandomIds;
import org.pando.domain.RecentReads;

/**
 * Signs people in and out, issues and resolves tokens, and edits profiles.
 *
 * <pre>{@code
 * IssuedToken session = accounts.signIn("ana", "correct horse");
 * Account who = accounts.authenticate(session.secret()).orElseThrow(NotSignedIn::new);
 * }</pre>
 */
public final class AccountService {
    /**
     * How long a token and its account, once read, answer {@link #authenticate} without reading them again: a client
     * calls again and again. Signing out, revoking and profile or role changes made through this service show at
     * once; made by another process or node, within these seconds. A token's expiry is always checked.
     */
    public static final Duration AUTHENTICATED_FOR = Duration.ofSeconds(5);
    private static final int MAX_AUTHENTICATED = 100_000;
    private static final String API_TOKEN_PREFIX = "pat_";

    private final AccountRepository repository;
    private final PasswordHasher hasher;
    private final AuthConfig config;
    private final Clock clock;
    private final String decoyHash;
    private final RecentReads<SignedIn> authenticated = new RecentReads<>(this::signedIn, AUTHENTICATED_FOR,
            MAX_AUTHENTICATED, System::nanoTime);

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
        String digest = TokenDigest.of(secret);
        SignedIn found = authenticated.find(Set.of(digest)).get(digest);
        return found != null && found.token().validAt(clock.instant()) ? Optional.of(found.account()) : Optional.empty();
    }

    /** Ends the session (or revokes the token) with this secret. */
    public void signOut(String secret) {
        String digest = TokenDigest.of(secret);
        repository.deleteToken(digest);
        authenticated.forget(digest);
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
        authenticated.forgetAll();
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
        authenticated.forgetAll();
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
        authenticated.forgetAll();
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

    /** The tokens of these digests that exist, each with its account, by digest. */
    private Map<String, SignedIn> signedIn(Collection<String> digests) {
        Map<String, SignedIn> found = new HashMap<>();
        for (String digest : digests) {
            repository.findToken(digest).ifPresent(token -> repository.findById(token.accountId())
                    .ifPresent(account -> found.put(digest, new SignedIn(token, account))));
        }
        return found;
    }

    private IssuedToken issue(String accountId, TokenKind kind, String name, Instant now, Optional<Instant> expires) {
        String secret = kind == TokenKind.API ? API_TOKEN_PREFIX + RandomIds.secret() : RandomIds.secret();
        String id = RandomIds.id();
        repository.saveToken(new StoredToken(id, TokenDigest.of(secret), accountId, kind, name, now, expires));
        return new IssuedToken(id, secret, expires);
    }

    /** A token that was found, with its account. */
    private record SignedIn(StoredToken token, Account account) {
    }
}
