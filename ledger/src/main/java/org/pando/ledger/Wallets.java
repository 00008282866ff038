package org.pando.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pando.domain.InvalidInput;
import org.pando.domain.RandomIds;

/**
 * People's wallets: coins bought through the test provider, tips to creators, balances and monthly statements.
 * Every request carries an idempotency key, so a retried request moves money once.
 *
 * <p>The only provider is {@value #TEST_PROVIDER_NAME}: a clearly marked test provider that takes no payment. A real
 * provider would post the same top-up transaction once it confirms a payment.
 *
 * <pre>{@code
 * Wallets wallets = new Wallets(store, Clock.systemUTC());
 * wallets.topUp(viewerId, 1_000, "key-1");
 * wallets.tip(viewerId, creatorId, videoId, 250, "Thanks!", "key-2");
 * }</pre>
 */
public final class Wallets {
    /** The name of the test provider. */
    public static final String TEST_PROVIDER_NAME = "test";
    /** Most minor units one top-up may bring (1,000 coins). */
    public static final long MAX_TOP_UP_MINOR = 100_000;
    /** Most minor units one tip may give (500 coins). */
    public static final long MAX_TIP_MINOR = 50_000;
    /** Longest tip message. */
    public static final int MAX_MEMO = 200;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final LedgerStore store;
    private final Clock clock;

    public Wallets(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Adds coins to the account's wallet through the test provider. */
    public LedgerTransaction topUp(String accountId, long amountMinor, String idempotencyKey) {
        amount(amountMinor, MAX_TOP_UP_MINOR);
        LedgerAccount wallet = LedgerAccount.wallet(accountId);
        return post(new LedgerTransaction(RandomIds.id(), scoped(accountId, idempotencyKey), TransactionKind.TOP_UP,
                List.of(new Posting(LedgerAccount.provider(TEST_PROVIDER_NAME), -amountMinor), new Posting(wallet, amountMinor)),
                Optional.empty(), "Test provider: no payment taken", clock.instant()));
    }

    /** Moves coins from the viewer's wallet to the creator's, for a video. */
    public LedgerTransaction tip(String fromAccountId, String toAccountId, String videoId, long amountMinor, String memo,
            String idempotencyKey) {
        amount(amountMinor, MAX_TIP_MINOR);
        if (fromAccountId.equals(toAccountId)) {
            throw new InvalidInput("to", "You cannot tip yourself.");
        }
        String text = memo.strip();
        if (text.length() > MAX_MEMO) {
            throw new InvalidInput("message", "A tip's message can be at most " + MAX_MEMO + " characters.");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("message", "A tip's message is one line of text, without control characters.");
        }
        return post(new LedgerTransaction(RandomIds.id(), scoped(fromAccountId, idempotencyKey), TransactionKind.TIP,
                List.of(new Posting(LedgerAccount.wallet(fromAccountId), -amountMinor),
                        new Posting(LedgerAccount.wallet(toAccountId), amountMinor)),
                Optional.of(videoId), text, clock.instant()));
    }

    /** The wallet's balance in minor units. */
    public long balance(String accountId) {
        return store.balance(LedgerAccount.wallet(accountId));
    }

    /** The wallet's statement of a month (UTC). */
    public Statement statement(String accountId, YearMonth month) {
        LedgerAccount wallet = LedgerAccount.wallet(accountId);
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Statement.of(wallet, month, store.sumOfEntries(wallet, from), store.transactions(wallet, from, to));
    }

    /**
     * The tips the wallet received in a month (UTC), per video: read from the month's transactions alone, without
     * the opening balance a statement adds up.
     */
    public Earnings earnings(String accountId, YearMonth month) {
        LedgerAccount wallet = LedgerAccount.wallet(accountId);
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Earnings.of(wallet, month, store.transactions(wallet, from, to));
    }

    /** Posts the transaction, or returns the one its key was first used for when that was the same request. */
    private LedgerTransaction post(LedgerTransaction transaction) {
        LedgerTransaction posted = store.post(transaction);
        boolean same = posted.kind() == transaction.kind() && Set.copyOf(posted.postings()).equals(Set.copyOf(transaction.postings()))
                && posted.videoId().equals(transaction.videoId());
        if (!same) {
            throw new IdempotencyKeyReused();
        }
        return posted;
    }

    private static void amount(long minor, long max) {
        if (minor < 1 || minor > max) {
            throw new InvalidInput("amount_minor", "Give an amount from 0.01 to " + Coins.format(max) + " " + Coins.CODE
                    + ", in minor units (1 to " + max + ").");
        }
    }

    /** The key as the ledger keeps it: the caller's own, so two people's keys never collide. */
    private static String scoped(String accountId, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInput("idempotency-key", "Send an Idempotency-Key header of 1 to 100 letters, digits or - _ . :,"
                    + " the same when a request is retried.");
        }
        return accountId + ":" + key;
    }
}
