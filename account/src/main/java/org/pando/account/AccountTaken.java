package org.pando.account;

import org.pando.domain.DomainException;

/** A username or email is already used by another account. */
public final class AccountTaken extends DomainException {
    private static final long serialVersionUID = 1L;

    private AccountTaken(String code, String message) {
        super(Reason.CONFLICT, code, message);
    }

    /** The username is taken. */
    public static AccountTaken username(String username) {
        return new AccountTaken("username-taken", "The username '" + username + "' is taken; choose another.");
    }

    /** The email address already has an account. */
    public static AccountTaken email() {
        return new AccountTaken("email-taken", "That email address already has an account; sign in instead.");
    }
}
