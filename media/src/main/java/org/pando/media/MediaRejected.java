package org.pando.media;

import org.pando.domain.DomainException;

/** An upload that cannot become a video; the message tells the uploader why, in their terms. */
public final class MediaRejected extends DomainException {
    private static final long serialVersionUID = 1L;

    public MediaRejected(String code, String message) {
        super(Reason.UNSUPPORTED, code, message);
    }
}
