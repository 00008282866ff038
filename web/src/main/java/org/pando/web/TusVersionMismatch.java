package org.pando.web;

import org.pando.domain.DomainException;

/** A tus client asked for a protocol version other than 1.0.0; answered with 412 and {@code Tus-Version}. */
final class TusVersionMismatch extends DomainException {
    private static final long serialVersionUID = 1L;

    TusVersionMismatch() {
        super(Reason.INVALID, "tus-version", "This server speaks tus " + TusHeaders.VERSION + " only.");
    }
}
