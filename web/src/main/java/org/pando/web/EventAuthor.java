package org.pando.web;

import java.util.Optional;
import org.pando.account.Account;

/**
 * Whom events are recorded for: a signed-in account with its profile's country and language, or a visitor
 * known by the id its browser was given and what the browser says of its country and languages.
 *
 * @param userId   the account's id, or the visitor's ({@code visitor-…})
 * @param country  ISO 3166-1 alpha-2 country, if known
 * @param language ISO 639-1 first language, if known
 * @param account  the signed-in account; empty for a visitor, who may only send what watching produces
 */
record EventAuthor(String userId, Optional<String> country, Optional<String> language, Optional<Account> account) {

    static EventAuthor of(Account account) {
        return new EventAuthor(account.id(), account.country(), account.primaryLanguage(), Optional.of(account));
    }

    boolean visitor() {
        return account.isEmpty();
    }
}
