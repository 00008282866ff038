package org.pando.jobs;

/**
 * Runs the jobs of one kind.
 *
 * <pre>{@code
 * final class Transcode implements JobHandler {
 *     public String kind() { return "transcode"; }
 *     public void run(Job job, JobContext context) { ... }
 *     public void giveUp(Job job, String reason) { videos.failed(job.subject(), reason); }
 * }
 * }</pre>
 */
public interface JobHandler {
    /** The kind of job this handler runs. */
    String kind();

    /**
     * Does the work. Returning means done; a {@link PermanentFailure} fails the job at once; any other
     * exception retries it. The thread is interrupted when the worker stops: stop promptly and let the job
     * be claimed again.
     */
    void run(Job job, JobContext context);

    /** Called once when the job has failed for good, so its subject can say so. */
    void giveUp(Job job, String reason);
}
