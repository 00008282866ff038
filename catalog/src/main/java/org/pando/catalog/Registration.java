package org.pando.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.pando.account.Account;
import org.pando.account.PasswordHasher;
import org.pando.account.SignUp;
import org.pando.domain.RandomIds;

/**
 * Makes accounts: each comes with a default channel named after it.
 *
 * <pre>{@code
 * Account ana = registration.register(SignUp.of("ana", "correct horse", "ana@example.org", Optional.empty(), List.of()));
 * }</pre>
 */
public final class Registration {
    private final RegistrationStore store;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Registration(RegistrationStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates the account and its default channel. */
    public Account register(SignUp signUp) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Account account = new Account(
                RandomIds.id(), signUp.username(), signUp.email(), signUp.country(), signUp.languages(), now);
        Channel channel = Channel.created(RandomIds.id(), account.id(), account.username(), account.username(), "", now);
        store.register(account, hasher.hash(signUp.password()), channel);
        return account;
    }
}
