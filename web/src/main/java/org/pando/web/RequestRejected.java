package org.pando.web;

import org.pando.domain.DomainException;

/** An HTTP request that is malformed before any domain rule applies: bad JSON, a missing header. */
final class RequestRejected extends DomainException {
    private static final long serialVersionUID = 1L;

    RequestRejected(Reason reason, String code, String message) {
        super(reason, code, message);
    }

    static RequestRejected invalid(String code, String message) {
        return new RequestRejected(Reason.INVALID, code, message);
    }
}
