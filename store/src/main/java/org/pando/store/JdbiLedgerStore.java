package org.pando.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.pando.ledger.InsufficientFunds;
import org.pando.ledger.LedgerAccount;
import org.pando.ledger.LedgerStore;
import org.pando.ledger.LedgerTransaction;
import org.pando.ledger.Posting;
import org.pando.ledger.TransactionKind;

/**
 * The ledger in three tables (see {@code V11__ledger.sql}). A posting raises or lowers the account's kept balance
 * with one conditional update, which the database serialises per account: a wallet's debit applies only while the
 * balance covers it, so concurrent tips can never overdraw it. Balances are updated in account order, so two
 * transactions never wait on each other in a circle.
 */
public final class JdbiLedgerStore implements LedgerStore {
    private static final String SELECT = """
            select t.id, t.idempotency_key, t.kind, t.video_id, t.memo, t.created_at, e.account, e.amount_minor
            from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
            """;

    private final Jdbi jdbi;

    public JdbiLedgerStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public LedgerTransaction post(LedgerTransaction t) {
        Optional<LedgerTransaction> earlier = byKey(t.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        t.postings().forEach(p -> UniqueViolation.insertedOnce(() -> jdbi.withHandle(h -> h.createUpdate(
                "insert into ledger_balances (account, balance_minor) values (:a, 0)").bind("a", p.account().id()).execute())));
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("""
                                insert into ledger_transactions (id, idempotency_key, kind, video_id, memo, created_at)
                                values (:id, :key, :kind, :video, :memo, :at)""")
                        .bind("id", t.id()).bind("key", t.idempotencyKey()).bind("kind", t.kind().wireName())
                        .bind("video", t.videoId().orElse(null)).bind("memo", t.memo()).bind("at", t.at().toEpochMilli())
                        .execute();
                List<Posting> ordered = new ArrayList<>(t.postings());
                ordered.sort(Comparator.comparing(p -> p.account().id()));
                for (Posting p : ordered) {
                    apply(h, t, p);
                }
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                return byKey(t.idempotencyKey()).orElseThrow(() -> e);
            }
            throw e;
        }
        return t;
    }

    /**
     * Moves the posting's amount on its account's balance. The row is locked and read first ({@code for update}, the
     * latest committed value on H2 and PostgreSQL alike), so that concurrent postings to one wallet are applied one
     * after the other and a wallet's guard against going below zero reads what the others left.
     */
    private static void apply(Handle h, LedgerTransaction t, Posting p) {
        long balance = h.createQuery("select balance_minor from ledger_balances where account = :a for update")
                .bind("a", p.account().id()).mapTo(Long.class).one();
        if (p.account().isWallet() && p.amountMinor() < 0 && balance + p.amountMinor() < 0) {
            throw new InsufficientFunds(balance);
        }
        h.createUpdate("update ledger_balances set balance_minor = :balance where account = :a")
                .bind("balance", balance + p.amountMinor()).bind("a", p.account().id()).execute();
        h.createUpdate("""
                        insert into ledger_entries (transaction_id, account, amount_minor, created_at)
                        values (:t, :a, :amount, :at)""")
                .bind("t", t.id()).bind("a", p.account().id()).bind("amount", p.amountMinor()).bind("at", t.at().toEpochMilli())
                .execute();
    }

    private Optional<LedgerTransaction> byKey(String key) {
        return jdbi.withHandle(h -> read(h.createQuery(SELECT + " where t.idempotency_key = :key order by e.id")
                .bind("key", key).map(JdbiLedgerStore::row).list())).stream().findFirst();
    }

    @Override
    public long balance(LedgerAccount account) {
        return jdbi.withHandle(h -> h.createQuery("select balance_minor from ledger_balances where account = :a")
                .bind("a", account.id()).mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public List<LedgerTransaction> transactions(LedgerAccount account, Instant from, Instant to) {
        return jdbi.withHandle(h -> read(h.createQuery(SELECT + """
                         where t.id in (select transaction_id from ledger_entries
                                        where account = :a and created_at >= :from and created_at < :to)
                        order by (select min(x.id) from ledger_entries x where x.transaction_id = t.id), e.id""")
                .bind("a", account.id()).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .map(JdbiLedgerStore::row).list()));
    }

    @Override
    public long sumOfEntries(LedgerAccount account, Instant before) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select coalesce(sum(amount_minor), 0) from ledger_entries where account = :a and created_at < :before""")
                .bind("a", account.id()).bind("before", before.toEpochMilli()).mapTo(Long.class).one());
    }

    /** One entry with its transaction's columns. */
    private record Row(String id, String key, String kind, Optional<String> video, String memo, Instant at, Posting posting) {
    }

    private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("idempotency_key"), rs.getString("kind"), Rows.optional(rs, "video_id"),
                rs.getString("memo"), Rows.instant(rs, "created_at"),
                new Posting(new LedgerAccount(rs.getString("account")), rs.getLong("amount_minor")));
    }

    /** Rows grouped into transactions, in the order they came. */
    private static List<LedgerTransaction> read(List<Row> rows) {
        Map<String, List<Row>> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        return byId.values().stream().map(entries -> {
            Row first = entries.getFirst();
            TransactionKind kind = TransactionKind.valueOf(first.kind().toUpperCase(Locale.ROOT).replace('-', '_'));
            return new LedgerTransaction(first.id(), first.key(), kind, entries.stream().map(Row::posting).toList(), first.video(),
                    first.memo(), first.at());
        }).toList();
    }
}
