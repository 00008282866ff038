package org.pando.upload;

import org.pando.domain.DomainException;

/**
 * The connection broke off in the middle of an append. What arrived is kept; the client resumes from the
 * offset a {@code HEAD} reports. Nobody is usually there to read this message.
 */
public final class UploadInterrupted extends DomainException {
    private static final long serialVersionUID = 1L;

    UploadInterrupted(Throwable cause) {
        super(Reason.INVALID, "upload-interrupted",
                "The connection dropped during the upload; resume from the offset the server reports.", cause);
    }
}
