package org.pando.ledger;

import org.pando.domain.DomainException;

/** A wallet does not hold enough coins for what was asked. */
public final class InsufficientFunds extends DomainException {
    private static final long serialVersionUID = 1L;

    public InsufficientFunds(long balanceMinor) {
        super(Reason.CONFLICT, "insufficient-funds", "Your wallet holds " + Coins.format(balanceMinor) + " " + Coins.CODE
                + ", not enough for this. Top it up first.");
    }
}
