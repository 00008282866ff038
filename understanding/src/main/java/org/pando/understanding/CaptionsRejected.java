package org.pando.understanding;

import org.pando.domain.DomainException;

/** Captions sent by a creator break a rule; the message says which. */
public final class CaptionsRejected extends DomainException {
    private static final long serialVersionUID = 1L;

    public CaptionsRejected(String message) {
        super(Reason.INVALID, "captions-rejected", message);
    }
}
