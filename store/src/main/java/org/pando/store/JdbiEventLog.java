package org.pando.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.pando.events.EventLog;
import org.pando.events.EventType;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.events.UserEvent;

/**
 * The event log as a table. Appends are serialised in this process so that sequence numbers become visible
 * in order: a reader that has seen sequence n will never later find an unseen event below n.
 */
public final class JdbiEventLog implements EventLog {
    private final Jdbi jdbi;
    private final ReentrantLock appendLock = new ReentrantLock();

    public JdbiEventLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long append(List<UserEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        appendLock.lock();
        try {
            return jdbi.inTransaction(h -> {
                PreparedBatch batch = h.prepareBatch("""
                        insert into events (type, user_id, video_id, creator_id, surface, country, language,
                                            watched_ms, duration_ms, occurred_at, propensity)
                        values (:type, :user, :video, :creator, :surface, :country, :language, :watched, :duration, :at,
                                :propensity)""");
                for (UserEvent e : events) {
                    batch.bind("type", e.type().wireName()).bind("user", e.userId()).bind("video", e.videoId())
                            .bind("creator", e.creatorId()).bind("surface", e.surface().wireName())
                            .bind("country", e.country().orElse(null)).bind("language", e.language().orElse(null))
                            .bind("watched", e.watchedMs()).bind("duration", e.durationMs())
                            .bind("at", e.at().toEpochMilli())
                            .bind("propensity", e.propensity().isPresent() ? e.propensity().getAsDouble() : null).add();
                }
                batch.execute();
                return h.createQuery("select max(seq) from events").mapTo(Long.class).one();
            });
        } finally {
            appendLock.unlock();
        }
    }

    @Override
    public long lastSequence() {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(max(seq), 0) from events").mapTo(Long.class).one());
    }

    @Override
    public List<LoggedEvent> readAfter(long sequence, int max) {
        return jdbi.withHandle(h -> h.createQuery("select * from events where seq > :seq order by seq limit :max")
                .bind("seq", sequence).bind("max", max).map(JdbiEventLog::logged).list());
    }

    private static OptionalDouble propensity(ResultSet rs) throws SQLException {
        double p = rs.getDouble("propensity");
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    private static LoggedEvent logged(ResultSet rs, StatementContext ctx) throws SQLException {
        UserEvent event = new UserEvent(
                EventType.ofWireName(rs.getString("type")).orElseThrow(),
                rs.getString("user_id"), rs.getString("video_id"), rs.getString("creator_id"),
                Surface.ofWireName(rs.getString("surface")).orElseThrow(),
                Rows.optional(rs, "country"), Rows.optional(rs, "language"),
                rs.getLong("watched_ms"), rs.getLong("duration_ms"), Instant.ofEpochMilli(rs.getLong("occurred_at")),
                propensity(rs));
        return new LoggedEvent(rs.getLong("seq"), event);
    }
}
