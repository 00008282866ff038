package org.pando.ledger;

import java.util.Locale;

/** Why money moved. */
public enum TransactionKind {
    /** Coins bought through a payment provider. */
    TOP_UP,
    /** A viewer gave a creator coins. */
    TIP;

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
