package org.pando.catalog;

import org.pando.domain.DomainException;

/** The signed-in account may not do this to that object. */
public final class NotAllowed extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotAllowed(String message) {
        super(Reason.FORBIDDEN, "not-allowed", message);
    }
}
