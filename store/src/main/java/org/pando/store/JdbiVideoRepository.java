package org.pando.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.pando.catalog.Publication;
import org.pando.catalog.Video;
import org.pando.catalog.VideoKind;
import org.pando.catalog.VideoRepository;
import org.pando.catalog.VideoStatus;
import org.pando.domain.Keyset;

/** Videos and their processing state in SQL. */
public final class JdbiVideoRepository implements VideoRepository {
    /** A video's row carries its counts of likes and comments, kept by {@link JdbiSocialRepository}. */
    private static final String SELECT = "select v.* from videos v";
    /** Ready, and published or approved: what everyone sees. */
    static final String PUBLIC = "v.status = 'ready' and v.publication in ('published', 'approved')";
    /** Newest first after a keyset position. */
    private static final String AFTER = "(v.created_at < :at or (v.created_at = :at and v.id < :id))";
    private static final String NEWEST_FIRST = " order by v.created_at desc, v.id desc limit :limit";

    private final Jdbi jdbi;

    static final String INSERT = """
            insert into videos (id, channel_id, title, description, kind, status, error, progress, playable,
                                duration_ms, width, height, country, language, created_at, publication)
            values (:id, :channel, :title, :description, :kind, :status, :error, :progress, :playable,
                    :duration, :width, :height, :country, :language, :created, :publication)""";

    public JdbiVideoRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Video v) {
        jdbi.useHandle(h -> bound(h.createUpdate(INSERT), v).execute());
    }

    /** The statement of {@link #INSERT}, or one row of its batch, bound to the video. */
    static <S extends SqlStatement<S>> S bound(S statement, Video v) {
        return statement.bind("id", v.id()).bind("channel", v.channelId()).bind("title", v.title())
                .bind("description", v.description()).bind("kind", v.kind().wireName()).bind("status", v.status().wireName())
                .bind("error", v.error().orElse(null)).bind("progress", v.progress()).bind("playable", v.playable())
                .bind("duration", v.durationMs()).bind("width", v.width()).bind("height", v.height())
                .bind("country", v.country().orElse(null)).bind("language", v.language().orElse(null))
                .bind("created", v.createdAt().toEpochMilli()).bind("publication", v.publication().wireName());
    }

    @Override
    public Optional<Video> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where v.id = :id").bind("id", id)
                .map(JdbiVideoRepository::video).findOne());
    }

    @Override
    public List<Video> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where v.id in (<ids>)").bindList("ids", List.copyOf(ids))
                .map(JdbiVideoRepository::video).list());
    }

    @Override
    public List<Video> listByChannel(String channelId, Keyset after, int limit, boolean includeUnpublished) {
        String status = includeUnpublished ? "" : " and " + PUBLIC;
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where v.channel_id = :channel" + status + " and " + AFTER + NEWEST_FIRST)
                .bind("channel", channelId).bind("at", after.at().toEpochMilli()).bind("id", after.id())
                .bind("limit", limit).map(JdbiVideoRepository::video).list());
    }

    @Override
    public List<Video> listByOwner(String ownerId, Keyset after, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT
                        + " where v.channel_id in (select id from channels where owner_id = :owner) and " + AFTER + NEWEST_FIRST)
                .bind("owner", ownerId).bind("at", after.at().toEpochMilli()).bind("id", after.id())
                .bind("limit", limit).map(JdbiVideoRepository::video).list());
    }

    @Override
    public void updateProbe(String id, VideoKind kind, long durationMs, int width, int height) {
        update("update videos set kind = :kind, duration_ms = :duration, width = :width, height = :height where id = :id",
                id, "kind", kind.wireName(), "duration", durationMs, "width", width, "height", height);
    }

    @Override
    public void updateProgress(String id, double progress) {
        update("update videos set progress = :progress where id = :id and status = 'processing'", id, "progress", progress);
    }

    @Override
    public void markPlayable(String id) {
        update("update videos set playable = true where id = :id", id);
    }

    @Override
    public void markReady(String id) {
        update("update videos set status = 'ready', progress = 1, playable = true, error = null where id = :id", id);
    }

    @Override
    public void markFailed(String id, String message) {
        update("update videos set status = 'failed', playable = false, error = :error where id = :id", id,
                "error", message.length() > 1000 ? message.substring(0, 1000) : message);
    }

    @Override
    public void markRestarted(String id) {
        update("update videos set status = 'processing', progress = 0, playable = false, error = null where id = :id", id);
    }

    @Override
    public void updatePublication(String id, Publication publication) {
        update("update videos set publication = :publication where id = :id", id, "publication", publication.wireName());
    }

    private void update(String sql, String id, Object... namedValues) {
        jdbi.useHandle(h -> {
            var update = h.createUpdate(sql).bind("id", id);
            for (int i = 0; i < namedValues.length; i += 2) {
                update.bindByType((String) namedValues[i], namedValues[i + 1], namedValues[i + 1].getClass());
            }
            update.execute();
        });
    }

    static Video video(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Video(rs.getString("id"), rs.getString("channel_id"), rs.getString("title"), rs.getString("description"),
                VideoKind.ofWireName(rs.getString("kind")), VideoStatus.ofWireName(rs.getString("status")),
                Rows.optional(rs, "error"), rs.getDouble("progress"),
                rs.getBoolean("playable"), rs.getLong("duration_ms"), rs.getInt("width"), rs.getInt("height"),
                Rows.optional(rs, "country"), Rows.optional(rs, "language"), rs.getLong("like_count"),
                rs.getLong("comment_count"), Rows.instant(rs, "created_at"), Publication.ofWireName(rs.getString("publication")));
    }

    @Override
    public Map<VideoStatus, Long> countByStatus() {
        Map<VideoStatus, Long> counts = new EnumMap<>(VideoStatus.class);
        for (VideoStatus status : VideoStatus.values()) {
            counts.put(status, 0L);
        }
        jdbi.useHandle(h -> h.createQuery("select status, count(*) as n from videos group by status")
                .map((rs, ctx) -> Map.entry(VideoStatus.ofWireName(rs.getString("status")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    @Override
    public SortedMap<LocalDate, Long> uploadsPerDay(Instant from) {
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select created_at / 86400000 as at_day, count(*) as n from videos where created_at >= :from
                        group by created_at / 86400000""")
                .bind("from", from.toEpochMilli())
                .map((rs, ctx) -> Map.entry(LocalDate.ofEpochDay(rs.getLong("at_day")), rs.getLong("n")))
                .forEach(e -> days.put(e.getKey(), e.getValue())));
        return days;
    }
}
