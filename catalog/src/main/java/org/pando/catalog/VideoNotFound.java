package org.pando.catalog;

import org.pando.domain.DomainException;

/** The video asked for does not exist. */
public final class VideoNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public VideoNotFound(String id) {
        super(Reason.NOT_FOUND, "video-not-found", "There is no video " + id + ".");
    }
}
