package org.pando.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * Where jobs are kept. Implemented by the store module with {@code FOR UPDATE SKIP LOCKED}, so several
 * processes may share one queue.
 */
public interface JobRepository {
    /** Adds a queued job. */
    void enqueue(Job job, Instant runAfter);

    /**
     * Claims the oldest job of one of the kinds that is queued and due, or running under a lapsed lease; the
     * claim counts as an attempt.
     */
    Optional<Job> claim(java.util.Set<String> kinds, String owner, Instant now, Instant leaseUntil);

    /** Extends the lease; returns false when the job is no longer this owner's. */
    boolean renew(String jobId, String owner, Instant leaseUntil);

    /** Marks the job done. */
    void complete(String jobId, String owner);

    /** Marks the job failed for good. */
    void fail(String jobId, String owner, String error);

    /** Puts the job back in the queue, to run again after {@code runAfter}. */
    void requeue(String jobId, String owner, String error, Instant runAfter, boolean countAttempt);

    /** The state of a job, for tests and the admin view. */
    Optional<JobState> state(String jobId);

    /** Jobs of this kind queued or running. */
    long waiting(String kind);
}
