package org.pando.ledger;

import org.pando.domain.DomainException;

/** An idempotency key came back with a different request than the one it first carried. */
public final class IdempotencyKeyReused extends DomainException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReused() {
        super(Reason.CONFLICT, "idempotency-key-reused",
                "This Idempotency-Key was already used for another request. Use a new key for a new payment.");
    }
}
