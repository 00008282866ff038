package org.pando.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person's account.
 *
 * @param id        stable random identifier
 * @param username  unique, lower-case handle used to sign in
 * @param email     contact address
 * @param country   ISO 3166-1 alpha-2 country, when known
 * @param languages ISO 639-1 languages in order of preference, possibly empty
 * @param createdAt when the account was made
 * @param role      what it may do beyond its own things
 */
public record Account(
        String id, String username, String email, Optional<String> country, List<String> languages, Instant createdAt,
        Role role) {
    public Account {
        languages = List.copyOf(languages);
    }

    /** A new account: a member. */
    public Account(String id, String username, String email, Optional<String> country, List<String> languages, Instant createdAt) {
        this(id, username, email, country, languages, createdAt, Role.MEMBER);
    }

    /** Whether it may decide on the review queue. */
    public boolean moderates() {
        return role.moderates();
    }

    /** The first preferred language, when any. */
    public Optional<String> primaryLanguage() {
        return languages.stream().findFirst();
    }
}
