package org.pando.upload;

import org.pando.domain.DomainException;

/** An upload refused before or while its bytes arrive. */
public final class UploadRejected extends DomainException {
    private static final long serialVersionUID = 1L;

    private UploadRejected(Reason reason, String code, String message) {
        super(reason, code, message);
    }

    static UploadRejected badName(String message) {
        return new UploadRejected(Reason.INVALID, "upload-bad-filename", message);
    }

    static UploadRejected empty() {
        return new UploadRejected(Reason.INVALID, "upload-empty", "The file is empty (0 bytes); choose a video file.");
    }

    static UploadRejected tooLarge(long length, long max) {
        return new UploadRejected(Reason.TOO_LARGE, "upload-too-large",
                "The file is " + Sizes.human(length) + "; the largest upload accepted is " + Sizes.human(max) + ".");
    }

    static UploadRejected overLength(long length) {
        return new UploadRejected(Reason.INVALID, "upload-over-length",
                "More bytes arrived than the declared length of " + length + ".");
    }

    static UploadRejected offsetMismatch(long expected, long given) {
        return new UploadRejected(Reason.CONFLICT, "upload-offset-mismatch",
                "The upload is at byte " + expected + ", not " + given + "; ask for the offset and resume from there.");
    }

    static UploadRejected busy() {
        return new UploadRejected(Reason.CONFLICT, "upload-busy", "Another request is writing to this upload right now.");
    }

    static UploadRejected finished() {
        return new UploadRejected(Reason.CONFLICT, "upload-finished", "This upload is already complete.");
    }
}
