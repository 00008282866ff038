package org.pando.ledger;

/** One side of a transaction: minor units into (positive) or out of (negative) an account. */
public record Posting(LedgerAccount account, long amountMinor) {
    public Posting {
        if (amountMinor == 0) {
            throw new IllegalArgumentException("A posting moves money; 0 is not one");
        }
    }
}
