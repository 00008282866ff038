package org.pando.ledger;

import java.time.Instant;
import java.util.List;

/** Where the ledger is kept, append-only. Implemented by the store module. */
public interface LedgerStore {
    /**
     * Posts the transaction whole or not at all. A wallet that would go below zero refuses it
     * ({@link InsufficientFunds}), also against transactions posted at the same moment. When a transaction with
     * the same idempotency key was posted before, nothing is posted and that one is returned.
     */
    LedgerTransaction post(LedgerTransaction transaction);

    /** The account's balance in minor units, kept with every posting. */
    long balance(LedgerAccount account);

    /**
     * The account's transactions from {@code from} to {@code to} (exclusive), in the order they were posted (which
     * the balances followed, even when a transaction's time was taken before an earlier one committed).
     */
    List<LedgerTransaction> transactions(LedgerAccount account, Instant from, Instant to);

    /**
     * The sum of the account's entries posted before {@code before}, added up from the entries themselves: a
     * statement's opening balance, and an audit of the kept balance.
     */
    long sumOfEntries(LedgerAccount account, Instant before);
}
