package org.pando.jobs;

import java.time.Duration;

/**
 * Settings of the job queue ({@code jobs.*}).
 *
 * @param workers      jobs run at once by this process ({@code jobs.workers}, default 1: a transcode already
 *                     uses every core)
 * @param pollInterval how often an idle worker looks for work ({@code jobs.poll-interval}, default 1 s)
 * @param lease        how long a claim lasts without renewal; a dead process's jobs are claimed again after
 *                     it ({@code jobs.lease}, default 15 s)
 * @param maxAttempts  claims before a job fails for good ({@code jobs.max-attempts}, default 3)
 * @param maxWaiting   uploads waiting to be transcoded beyond which new uploads are refused until the workers catch
 *                     up ({@code jobs.max-waiting}, default 100)
 */
public record JobsConfig(int workers, Duration pollInterval, Duration lease, int maxAttempts, int maxWaiting) {
    /** The embedded defaults. */
    public static JobsConfig defaults() {
        return new JobsConfig(1, Duration.ofSeconds(1), Duration.ofSeconds(15), 3, 100);
    }
}
