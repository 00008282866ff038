package org.pando.account;

import org.pando.domain.DomainException;

/** The API token to revoke does not exist or is not the caller's. */
public final class ApiTokenNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public ApiTokenNotFound(String id) {
        super(Reason.NOT_FOUND, "api-token-not-found", "There is no API token " + id + ".");
    }
}
