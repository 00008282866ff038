package org.pando.ledger;

/**
 * A ledger account: a person's wallet, which may never go below zero, or an outside party (the payment provider)
 * whose account mirrors what came in from outside and runs negative.
 */
public record LedgerAccount(String id) {
    private static final String WALLET = "wallet:";
    private static final String PROVIDER = "provider:";

    public LedgerAccount {
        if (!id.startsWith(WALLET) && !id.startsWith(PROVIDER)) {
            throw new IllegalArgumentException("A ledger account is a wallet or a provider, not " + id);
        }
    }

    /** The wallet of a Pando account. */
    public static LedgerAccount wallet(String accountId) {
        return new LedgerAccount(WALLET + accountId);
    }

    /** The account of an outside payment provider. */
    public static LedgerAccount provider(String name) {
        return new LedgerAccount(PROVIDER + name);
    }

    /** Whether this is a person's wallet, which must never go below zero. */
    public boolean isWallet() {
        return id.startsWith(WALLET);
    }
}
