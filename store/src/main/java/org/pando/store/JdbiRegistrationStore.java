package org.pando.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.pando.account.Account;
import org.pando.account.AccountTaken;
import org.pando.catalog.Channel;
import org.pando.catalog.HandleTaken;
import org.pando.catalog.RegistrationStore;

/** Inserts an account and its default channel in one transaction. */
public final class JdbiRegistrationStore implements RegistrationStore {
    private final Jdbi jdbi;

    static final String INSERT_ACCOUNT = """
            insert into accounts (id, username, email, password_hash, country, languages, created_at, role)
            values (:id, :username, :email, :hash, :country, :languages, :created, :role)""";

    public JdbiRegistrationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void register(Account account, String passwordHash, Channel channel) {
        try {
            jdbi.useTransaction(h -> {
                refuseTaken(h, account, channel);
                bound(h.createUpdate(INSERT_ACCOUNT), account, passwordHash).execute();
                JdbiChannelRepository.insert(h, channel);
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                // Lost a race with a concurrent sign-up: say which name was taken.
                jdbi.useHandle(h -> refuseTaken(h, account, channel));
            }
            throw e;
        }
    }

    /** The statement of {@link #INSERT_ACCOUNT}, or one row of its batch, bound to the account. */
    static <S extends SqlStatement<S>> S bound(S statement, Account account, String passwordHash) {
        return statement.bind("id", account.id()).bind("username", account.username()).bind("email", account.email())
                .bind("hash", passwordHash).bind("country", account.country().orElse(null))
                .bind("languages", Rows.joined(account.languages()))
                .bind("created", account.createdAt().toEpochMilli()).bind("role", account.role().wireName());
    }

    private static void refuseTaken(Handle h, Account account, Channel channel) {
        if (exists(h, "select count(*) from accounts where username = :v", account.username())) {
            throw AccountTaken.username(account.username());
        }
        if (exists(h, "select count(*) from accounts where email = :v", account.email())) {
            throw AccountTaken.email();
        }
        if (exists(h, "select count(*) from channels where handle = :v", channel.handle())) {
            throw new HandleTaken(channel.handle());
        }
    }

    private static boolean exists(Handle h, String sql, String value) {
        return h.createQuery(sql).bind("v", value).mapTo(Long.class).one() > 0;
    }
}
