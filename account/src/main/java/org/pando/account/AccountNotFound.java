package org.pando.account;

import org.pando.domain.DomainException;

/** There is no account with the username asked for. */
public final class AccountNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public AccountNotFound(String username) {
        super(Reason.NOT_FOUND, "account-not-found", "There is no account '" + username + "'.");
    }
}
