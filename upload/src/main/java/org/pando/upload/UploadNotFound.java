package org.pando.upload;

import org.pando.domain.DomainException;

/** No upload with this id belongs to the caller (or it expired). */
public final class UploadNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public UploadNotFound(String id) {
        super(Reason.NOT_FOUND, "upload-not-found", "There is no upload " + id + "; it may have expired. Start again.");
    }
}
