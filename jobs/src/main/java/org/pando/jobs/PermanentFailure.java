package org.pando.jobs;

/**
 * A job failure that retrying cannot fix, such as an upload that is not a video. The message is for the
 * person waiting on the job.
 */
public class PermanentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
