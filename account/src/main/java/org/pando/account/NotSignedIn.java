package org.pando.account;

import org.pando.domain.DomainException;

/** The request needs a signed-in account and carried no valid session or token. */
public final class NotSignedIn extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotSignedIn() {
        super(Reason.UNAUTHENTICATED, "not-signed-in", "Sign in first: this needs an account.");
    }
}
