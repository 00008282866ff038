package org.pando.account;

import org.pando.domain.DomainException;

/** The username or password is wrong; which one is deliberately not said. */
public final class InvalidCredentials extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidCredentials() {
        super(Reason.UNAUTHENTICATED, "invalid-credentials", "The username or password is not right.");
    }
}
