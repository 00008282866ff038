package org.pando.media;

/** ffmpeg or ffprobe failed for a reason that is not the input's fault; worth a retry. */
public final class MediaToolFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediaToolFailed(String message) {
        super(message);
    }

    public MediaToolFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
