package org.pando.catalog;

import org.pando.domain.DomainException;

/** Another channel already has this handle. */
public final class HandleTaken extends DomainException {
    private static final long serialVersionUID = 1L;

    public HandleTaken(String handle) {
        super(Reason.CONFLICT, "handle-taken", "The channel handle '" + handle + "' is taken; choose another.");
    }
}
