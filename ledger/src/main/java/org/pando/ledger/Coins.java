package org.pando.ledger;

import java.math.BigDecimal;

/** The platform currency: coins of {@value #MINOR_PER_COIN} minor units; amounts are always whole minor units. */
public final class Coins {
    /** The currency's code. */
    public static final String CODE = "PDC";
    /** Minor units in one coin. */
    public static final int MINOR_PER_COIN = 100;

    private Coins() {
    }

    /** An amount of minor units as coins with two decimals, exactly ({@code 1250} → {@code 12.50}). */
    public static String format(long minor) {
        return BigDecimal.valueOf(minor).movePointLeft(2).toPlainString();
    }
}
