/**
 * A durable job queue kept in the database, and the worker pool that runs it.
 *
 * <p>A job is claimed under a lease that its worker renews while it runs. When a process dies
 * ({@code kill -9}, a crash, a power cut) the lease lapses and the next {@link org.pando.jobs.JobWorker}
 * that polls, in this process after a restart or in another one, claims the job again. A job that fails
 * is retried with back-off until {@link org.pando.jobs.JobsConfig#maxAttempts()}; then its
 * {@link org.pando.jobs.JobHandler#giveUp} says so to whoever waits for it, so nothing stays "processing"
 * for ever. A {@link org.pando.jobs.PermanentFailure} skips the retries: retrying cannot help bad input.
 */
package org.pando.jobs;
