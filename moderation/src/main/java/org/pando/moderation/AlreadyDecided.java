package org.pando.moderation;

import org.pando.domain.DomainException;

/** Another moderator decided the same case first; the decision sent second is not applied. */
public final class AlreadyDecided extends DomainException {
    private static final long serialVersionUID = 1L;

    AlreadyDecided(Target target) {
        super(Reason.CONFLICT, "review-decided", "Another moderator has just decided this "
                + target.kind().wireName() + "; reload the queue to see their decision.");
    }
}
