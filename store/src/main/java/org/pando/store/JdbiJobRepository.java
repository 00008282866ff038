package org.pando.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.pando.jobs.Job;
import org.pando.jobs.JobRepository;
import org.pando.jobs.JobState;

/** The job queue in SQL; claims skip rows another process has locked. */
public final class JdbiJobRepository implements JobRepository {
    private final Jdbi jdbi;

    public JdbiJobRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void enqueue(Job job, Instant runAfter) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into jobs (id, kind, subject, state, attempts, run_after, created_at, updated_at)
                        values (:id, :kind, :subject, 'queued', 0, :runAfter, :created, :created)""")
                .bind("id", job.id()).bind("kind", job.kind()).bind("subject", job.subject())
                .bind("runAfter", runAfter.toEpochMilli()).bind("created", job.createdAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<Job> claim(Set<String> kinds, String owner, Instant now, Instant leaseUntil) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.inTransaction(h -> {
            Optional<Job> due = h.createQuery("""
                            select id, kind, subject, attempts, created_at from jobs
                            where kind in (<kinds>)
                              and ((state = 'queued' and run_after <= :now) or (state = 'running' and lease_until < :now))
                            order by created_at, id
                            limit 1
                            for update skip locked""")
                    .bindList("kinds", kinds.stream().sorted().toList()).bind("now", now.toEpochMilli())
                    .map((rs, ctx) -> new Job(rs.getString("id"), rs.getString("kind"), rs.getString("subject"),
                            rs.getInt("attempts") + 1, Rows.instant(rs, "created_at")))
                    .findOne();
            due.ifPresent(job -> h.createUpdate("""
                            update jobs set state = 'running', attempts = :attempts, lease_owner = :owner,
                                            lease_until = :until, updated_at = :now
                            where id = :id""")
                    .bind("attempts", job.attempts()).bind("owner", owner).bind("until", leaseUntil.toEpochMilli())
                    .bind("now", now.toEpochMilli()).bind("id", job.id()).execute());
            return due;
        });
    }

    @Override
    public boolean renew(String jobId, String owner, Instant leaseUntil) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update jobs set lease_until = :until
                        where id = :id and lease_owner = :owner and state = 'running'""")
                .bind("until", leaseUntil.toEpochMilli()).bind("id", jobId).bind("owner", owner).execute()) > 0;
    }

    @Override
    public void complete(String jobId, String owner) {
        finish(jobId, owner, JobState.DONE, null);
    }

    @Override
    public void fail(String jobId, String owner, String error) {
        finish(jobId, owner, JobState.FAILED, error);
    }

    @Override
    public void requeue(String jobId, String owner, String error, Instant runAfter, boolean countAttempt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update jobs set state = 'queued', run_after = :runAfter, lease_owner = null, lease_until = null,
                                        last_error = :error, attempts = attempts - :uncount, updated_at = :runAfter
                        where id = :id and lease_owner = :owner""")
                .bind("runAfter", runAfter.toEpochMilli()).bind("error", truncate(error))
                .bind("uncount", countAttempt ? 0 : 1).bind("id", jobId).bind("owner", owner).execute());
    }

    @Override
    public long waiting(String kind) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from jobs where kind = :kind and state in ('queued', 'running')")
                .bind("kind", kind).mapTo(Long.class).one());
    }

    @Override
    public Optional<JobState> state(String jobId) {
        return jdbi.withHandle(h -> h.createQuery("select state from jobs where id = :id").bind("id", jobId)
                .mapTo(String.class).findOne().map(s -> JobState.valueOf(s.toUpperCase(java.util.Locale.ROOT))));
    }

    private void finish(String jobId, String owner, JobState state, String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update jobs set state = :state, lease_owner = null, lease_until = null, last_error = :error,
                                        updated_at = :now
                        where id = :id and lease_owner = :owner""")
                .bind("state", state.wireName()).bind("error", truncate(error)).bind("now", System.currentTimeMillis())
                .bind("id", jobId).bind("owner", owner).execute());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
