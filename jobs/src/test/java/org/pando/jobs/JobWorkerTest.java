package org.pando.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class JobWorkerTest {
    private static final JobsConfig FAST = new JobsConfig(1, Duration.ofMillis(20), Duration.ofSeconds(3), 3, 100);

    /** The queue's contract held in memory (the SQL one is tested in the store module). */
    private static final class QueuedJobs implements JobRepository {
        record Row(Job job, JobState state, Instant runAfter, String owner, String error) {
        }

        final Map<String, Row> rows = new ConcurrentHashMap<>();

        @Override
        public void enqueue(Job job, Instant runAfter) {
            rows.put(job.id(), new Row(job, JobState.QUEUED, runAfter, "", ""));
        }

        @Override
        public synchronized Optional<Job> claim(Set<String> kinds, String owner, Instant now, Instant leaseUntil) {
            return rows.values().stream()
                    .filter(r -> r.state() == JobState.QUEUED && !r.runAfter().isAfter(now) && kinds.contains(r.job().kind()))
                    .findFirst()
                    .map(r -> {
                        Job claimed = new Job(r.job().id(), r.job().kind(), r.job().subject(), r.job().attempts() + 1, r.job().createdAt());
                        rows.put(claimed.id(), new Row(claimed, JobState.RUNNING, r.runAfter(), owner, r.error()));
                        return claimed;
                    });
        }

        @Override
        public boolean renew(String jobId, String owner, Instant leaseUntil) {
            return owner.equals(rows.get(jobId).owner());
        }

        @Override
        public void complete(String jobId, String owner) {
            set(jobId, JobState.DONE, Instant.EPOCH, "", false);
        }

        @Override
        public void fail(String jobId, String owner, String error) {
            set(jobId, JobState.FAILED, Instant.EPOCH, error, false);
        }

        @Override
        public void requeue(String jobId, String owner, String error, Instant runAfter, boolean countAttempt) {
            set(jobId, JobState.QUEUED, runAfter, error, !countAttempt);
        }

        @Override
        public Optional<JobState> state(String jobId) {
            return Optional.ofNullable(rows.get(jobId)).map(Row::state);
        }

        @Override
        public synchronized long waiting(String kind) {
            return rows.values().stream().filter(r -> r.job().kind().equals(kind))
                    .filter(r -> r.state() == JobState.QUEUED || r.state() == JobState.RUNNING).count();
        }

        private void set(String id, JobState state, Instant runAfter, String error, boolean uncount) {
            Row r = rows.get(id);
            Job job = uncount ? new Job(r.job().id(), r.job().kind(), r.job().subject(), r.job().attempts() - 1, r.job().createdAt()) : r.job();
            rows.put(id, new Row(job, state, runAfter, "", error));
        }
    }

    private static final class Handler implements JobHandler {
        final List<String> givenUp = new CopyOnWriteArrayList<>();
        final BiConsumer<Job, JobContext> work;

        Handler(BiConsumer<Job, JobContext> work) {
            this.work = work;
        }

        @Override
        public String kind() {
            return "test";
        }

        @Override
        public void run(Job job, JobContext context) {
            work.accept(job, context);
        }

        @Override
        public void giveUp(Job job, String reason) {
            givenUp.add(job.subject() + ": " + reason);
        }
    }

    private final QueuedJobs repository = new QueuedJobs();
    private final JobQueue queue = new JobQueue(repository, Clock.systemUTC());

    private static void await(QueuedJobs repository, String id, JobState state) throws InterruptedException {
        for (int i = 0; i < 500 && repository.state(id).orElseThrow() != state; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void runsAQueuedJobToDone() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Handler handler = new Handler((job, context) -> ran.countDown());
        try (JobWorker worker = new JobWorker(repository, List.of(handler), FAST, Clock.systemUTC())) {
            worker.start();
            Job job = queue.enqueue("test", "video-1");
            worker.wake();
            assertThat(ran.await(5, TimeUnit.SECONDS)).as("the handler ran").isTrue();
            await(repository, job.id(), JobState.DONE);
            assertThat(queue.state(job.id())).contains(JobState.DONE);
        }
    }

    @Test
    void aLibraryThatFailsToLoadFailsTheJobButNotTheWorker() throws InterruptedException {
        CountDownLatch tried = new CountDownLatch(1);
        CountDownLatch next = new CountDownLatch(1);
        Handler handler = new Handler((job, context) -> {
            if (job.subject().equals("broken")) {
                tried.countDown();
                throw new UnsatisfiedLinkError("libvosk.so: cannot open shared object file");
            }
            next.countDown();
        });
        try (JobWorker worker = new JobWorker(repository, List.of(handler), FAST, Clock.systemUTC())) {
            worker.start();
            Job broken = queue.enqueue("test", "broken");
            worker.wake();
            assertThat(tried.await(5, TimeUnit.SECONDS)).as("the broken job ran").isTrue();
            for (int i = 0; i < 500 && repository.state(broken.id()).orElseThrow() != JobState.QUEUED; i++) {
                Thread.sleep(10);
            }
            assertThat(queue.state(broken.id())).as("the job whose library failed to load waits for a retry")
                    .contains(JobState.QUEUED);
            queue.enqueue("test", "fine");
            worker.wake();
            assertThat(next.await(5, TimeUnit.SECONDS)).as("the one worker thread still runs the next job").isTrue();
        }
    }

    @Test
    void aPermanentFailureGivesUpAtOnceWithItsMessage() throws InterruptedException {
        Handler handler = new Handler((job, context) -> {
            throw new PermanentFailure("This file has no video track.");
        });
        try (JobWorker worker = new JobWorker(repository, List.of(handler), FAST, Clock.systemUTC())) {
            worker.start();
            Job job = queue.enqueue("test", "video-2");
            await(repository, job.id(), JobState.FAILED);
            assertThat(handler.givenUp).containsExactly("video-2: This file has no video track.");
            assertThat(repository.rows.get(job.id()).job().attempts()).as("no retries").isEqualTo(1);
        }
    }

    @Test
    void retriesOtherFailuresThenGivesUpAfterTheLastAttempt() throws InterruptedException {
        List<Boolean> lastAttemptFlags = new CopyOnWriteArrayList<>();
        Handler handler = new Handler((job, context) -> {
            lastAttemptFlags.add(context.lastAttempt());
            throw new IllegalStateException("disk hiccup");
        });
        JobsConfig config = new JobsConfig(1, Duration.ofMillis(10), Duration.ofSeconds(3), 2, 100);
        Clock future = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
        try (JobWorker worker = new JobWorker(repository, List.of(handler), config, future)) {
            worker.start();
            Job job = queue.enqueue("test", "video-3");
            await(repository, job.id(), JobState.FAILED);
            assertThat(lastAttemptFlags).as("told which attempt is the last").containsExactly(false, true);
            assertThat(handler.givenUp).singleElement().asString().contains("video-3", "2 times");
        }
    }

    @Test
    void stoppingPutsARunningJobBackWithoutCountingTheAttempt() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Handler handler = new Handler((job, context) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
        });
        Job job;
        try (JobWorker worker = new JobWorker(repository, List.of(handler), FAST, Clock.systemUTC())) {
            worker.start();
            job = queue.enqueue("test", "video-4");
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(repository.state(job.id())).as("back in the queue").contains(JobState.QUEUED);
        assertThat(repository.rows.get(job.id()).job().attempts()).as("the interrupted attempt is not counted").isZero();
        assertThat(handler.givenUp).isEmpty();
    }
}
