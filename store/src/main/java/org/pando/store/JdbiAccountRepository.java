package org.pando.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.pando.account.Account;
import org.pando.account.AccountRepository;
import org.pando.account.ApiTokenInfo;
import org.pando.account.Role;
import org.pando.account.StoredToken;
import org.pando.account.TokenKind;

/** Accounts and tokens in SQL. */
public final class JdbiAccountRepository implements AccountRepository {
    static final String COLUMNS = "a.id, a.username, a.email, a.country, a.languages, a.created_at, a.role";

    private final Jdbi jdbi;

    public JdbiAccountRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Account> findById(String id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from accounts a where a.id = :id")
                .bind("id", id).map(JdbiAccountRepository::account).findOne());
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from accounts a where a.username = :username")
                .bind("username", username).map(JdbiAccountRepository::account).findOne());
    }

    @Override
    public Optional<String> passwordHash(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("select password_hash from accounts where id = :id")
                .bind("id", accountId).mapTo(String.class).findOne());
    }

    @Override
    public void updateProfile(String accountId, Optional<String> country, List<String> languages) {
        jdbi.useHandle(h -> h.createUpdate("update accounts set country = :country, languages = :languages where id = :id")
                .bind("country", country.orElse(null)).bind("languages", Rows.joined(languages)).bind("id", accountId)
                .execute());
    }

    @Override
    public void updateRole(String accountId, Role role) {
        jdbi.useHandle(h -> h.createUpdate("update accounts set role = :role where id = :id")
                .bind("role", role.wireName()).bind("id", accountId).execute());
    }

    @Override
    public void saveToken(StoredToken token) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into auth_tokens (id, digest, account_id, kind, name, created_at, expires_at)
                        values (:id, :digest, :account, :kind, :name, :created, :expires)""")
                .bind("id", token.id()).bind("digest", token.digest()).bind("account", token.accountId())
                .bind("kind", token.kind().name()).bind("name", token.name())
                .bind("created", token.createdAt().toEpochMilli())
                .bind("expires", token.expiresAt().map(i -> i.toEpochMilli()).orElse(null))
                .execute());
    }

    @Override
    public Optional<StoredToken> findToken(String digest) {
        return jdbi.withHandle(h -> h.createQuery("select * from auth_tokens where digest = :digest")
                .bind("digest", digest).map(JdbiAccountRepository::token).findOne());
    }

    @Override
    public void deleteToken(String digest) {
        jdbi.useHandle(h -> h.createUpdate("delete from auth_tokens where digest = :digest").bind("digest", digest).execute());
    }

    @Override
    public List<ApiTokenInfo> apiTokens(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, name, created_at from auth_tokens
                        where account_id = :account and kind = 'API' order by created_at desc, id""")
                .bind("account", accountId)
                .map((rs, ctx) -> new ApiTokenInfo(rs.getString("id"), rs.getString("name"), Rows.instant(rs, "created_at")))
                .list());
    }

    @Override
    public boolean deleteApiToken(String accountId, String tokenId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from auth_tokens where id = :id and account_id = :account and kind = 'API'")
                .bind("id", tokenId).bind("account", accountId).execute()) > 0;
    }

    static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("username"), rs.getString("email"),
                Rows.optional(rs, "country"), Rows.list(rs, "languages"), Rows.instant(rs, "created_at"),
                Role.ofWireName(rs.getString("role")).orElse(Role.MEMBER));
    }

    private static StoredToken token(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredToken(rs.getString("id"), rs.getString("digest"), rs.getString("account_id"),
                TokenKind.valueOf(rs.getString("kind")), rs.getString("name"), Rows.instant(rs, "created_at"),
                Rows.optionalInstant(rs, "expires_at"));
    }
}
