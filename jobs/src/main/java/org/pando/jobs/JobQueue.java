package org.pando.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.pando.domain.RandomIds;

/**
 * Enqueues jobs.
 *
 * <pre>{@code
 * Job job = queue.enqueue("transcode", video.id());
 * }</pre>
 */
public final class JobQueue {
    private final JobRepository repository;
    private final Clock clock;

    public JobQueue(JobRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new job of this kind about this subject, due now. */
    public Job enqueue(String kind, String subject) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Job job = new Job(RandomIds.id(), kind, subject, 0, now);
        repository.enqueue(job, now);
        return job;
    }

    /** Jobs of this kind queued or running, in every process that shares the queue. */
    public long waiting(String kind) {
        return repository.waiting(kind);
    }

    /** The job's state. */
    public Optional<JobState> state(String jobId) {
        return repository.state(jobId);
    }
}
