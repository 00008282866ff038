package org.pando.catalog;

import org.pando.domain.DomainException;

/** The comment asked for does not exist. */
public final class CommentNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public CommentNotFound(String id) {
        super(Reason.NOT_FOUND, "comment-not-found", "There is no comment " + id + ".");
    }
}
