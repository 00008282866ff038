package org.pando.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pando.domain.RandomIds;

/**
 * The pool of threads that claim and run jobs; a lifecycle component.
 *
 * <p>While a job runs, its lease is renewed every third of {@link JobsConfig#lease()}. On {@link #close()}
 * running jobs are interrupted and put back in the queue without counting the attempt, so the next start
 * resumes them at once; after a crash they are claimed again when their lease lapses.
 *
 * <pre>{@code
 * try (JobWorker worker = new JobWorker(repository, List.of(transcode), JobsConfig.defaults(), clock)) {
 *     worker.start();
 *     ...
 * }
 * }</pre>
 */
public final class JobWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JobWorker.class.getName());

    private final JobRepository repository;
    private final Map<String, JobHandler> handlers;
    private final JobsConfig config;
    private final Clock clock;
    private final String owner = ProcessHandle.current().pid() + "-" + RandomIds.id();
    private final List<Thread> threads = new ArrayList<>();
    private final Object idle = new Object();
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    public JobWorker(JobRepository repository, List<JobHandler> handlers, JobsConfig config, Clock clock) {
        this.repository = repository;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::kind, Function.identity()));
        this.config = config;
        this.clock = clock;
    }

    /** Starts the worker threads. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .name("pando-job-lease").daemon().unstarted(r));
        for (int i = 0; i < config.workers(); i++) {
            threads.add(Thread.ofPlatform().name("pando-job-worker-" + i).start(this::loop));
        }
    }

    /** Says that a job was enqueued, so an idle worker need not wait for its next poll. */
    public void wake() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        heartbeats.shutdownNow();
    }

    private void loop() {
        while (running) {
            Optional<Job> job = Optional.empty();
            try {
                Instant now = clock.instant();
                job = repository.claim(handlers.keySet(), owner, now, now.plus(config.lease()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not claim a job; trying again", e);
            }
            if (job.isPresent()) {
                runClaimed(job.get());
            } else {
                pause();
            }
        }
    }

    private void runClaimed(Job job) {
        JobHandler handler = handlers.get(job.kind());
        if (job.attempts() > config.maxAttempts()) {
            giveUp(handler, job, "Processing stopped after " + config.maxAttempts() + " attempts; upload it again.");
            return;
        }
        Thread self = Thread.currentThread();
        long every = Math.max(1, config.lease().toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> {
            if (!repository.renew(job.id(), owner, clock.instant().plus(config.lease()))) {
                LOG.log(System.Logger.Level.WARNING, "Lost the lease of job " + job.id() + "; stopping it");
                self.interrupt();
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            handler.run(job, () -> job.attempts() >= config.maxAttempts());
            heartbeat.cancel(false);
            repository.complete(job.id(), owner);
        } catch (PermanentFailure e) {
            heartbeat.cancel(false);
            giveUp(handler, job, e.getMessage());
        } catch (RuntimeException e) {
            heartbeat.cancel(false);
            retryOrGiveUp(handler, job, e);
        } catch (LinkageError e) {
            // A native library or class that failed to load fails this job, not the worker thread.
            heartbeat.cancel(false);
            retryOrGiveUp(handler, job, new IllegalStateException("A library the job needs could not be loaded: " + e, e));
        } finally {
            Thread.interrupted();
        }
    }

    private void retryOrGiveUp(JobHandler handler, Job job, RuntimeException e) {
        if (!running) {
            repository.requeue(job.id(), owner, "interrupted by shutdown", clock.instant(), false);
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "Job " + job.id() + " (" + job.kind() + ") failed", e);
        if (job.attempts() >= config.maxAttempts()) {
            giveUp(handler, job, "Processing failed " + job.attempts() + " times; upload it again.");
        } else {
            long backoffSeconds = 1L << Math.min(job.attempts(), 6);
            repository.requeue(job.id(), owner, String.valueOf(e.getMessage()), clock.instant().plusSeconds(backoffSeconds), true);
        }
    }

    private void giveUp(JobHandler handler, Job job, String reason) {
        try {
            handler.giveUp(job, reason);
        } finally {
            repository.fail(job.id(), owner, reason);
        }
    }

    private void pause() {
        synchronized (idle) {
            try {
                idle.wait(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
