package org.pando.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.pando.search.NotedChange;
import org.pando.search.SearchSource;
import org.pando.search.SearchableVideo;
import org.pando.search.TranscriptCue;

/**
 * Videos as the search index reads them: title, description, tags in the creator's order, the channel's handle
 * and name, the caption cues (as recognised or as the creator corrected them) and the languages the analysis
 * found. Which videos may be found at all is decided by {@link #SEARCHABLE} alone.
 */
public final class JdbiSearchSource implements SearchSource {
    /**
     * The one rule of which videos may be found, as a condition on {@code videos v}: those that are public (ready,
     * and published or approved by a moderator; never held, rejected or still being checked). Every query here that
     * reads videos for search applies it (the pages of bare ids that reading them all walks through need not), and
     * search checks each answer against it, so any further reason to keep a video out of search is added to this
     * condition and nowhere else.
     */
    public static final String SEARCHABLE = JdbiVideoRepository.PUBLIC;
    private static final String COLUMNS = """
            select v.id, v.title, v.description, v.duration_ms, v.created_at, v.language as creator_language,
                   c.handle, c.display_name, a.captions, a.language as spoken_language, a.written_language
            """;
    private static final String JOINED = """
            join channels c on c.id = v.channel_id
            left join video_analysis a on a.video_id = v.id
            where\s""" + SEARCHABLE;
    private static final String SELECT = COLUMNS + "from videos v\n" + JOINED;
    /**
     * The searchable videos of a range of ids. The range is read first, from the primary key, and each of its videos
     * looked up by id: the outer join keeps H2 to that order, where it would otherwise read every public video
     * through the index on status and sort them for each range (on a million videos, under 1 MB of index was written
     * in 38 minutes that way; a range of 500 now takes about a third of a second from a cold database).
     */
    private static final String SELECT_RANGE = COLUMNS
            + "from (select id from videos where id > :after and id <= :last) page\nleft join videos v on v.id = page.id\n"
            + JOINED + " order by v.id";
    private static final int DEFAULT_BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(JdbiSearchSource.class.getName());

    private final Jdbi jdbi;
    private final int batch;

    public JdbiSearchSource(Jdbi jdbi) {
        this(jdbi, DEFAULT_BATCH);
    }

    /** A source reading {@code batch} videos per query when reading them all. */
    JdbiSearchSource(Jdbi jdbi, int batch) {
        this.jdbi = jdbi;
        this.batch = batch;
    }

    @Override
    public Optional<SearchableVideo> searchable(String videoId) {
        return jdbi.withHandle(h -> withTags(h, h.createQuery(SELECT + " and v.id = :id").bind("id", videoId)
                .map((rs, ctx) -> row(rs)).list())).stream().findFirst();
    }

    /** {@inheritDoc} A page of ids at a time in the primary key's order, then the searchable videos among them. */
    @Override
    public void forEachSearchable(Consumer<SearchableVideo> each) {
        String after = "";
        while (true) {
            String from = after;
            List<String> ids = jdbi.withHandle(h -> h.createQuery(
                            "select id from videos where id > :after order by id fetch first :batch rows only")
                    .bind("after", from).bind("batch", batch).mapTo(String.class).list());
            if (ids.isEmpty()) {
                return;
            }
            jdbi.withHandle(h -> withTags(h, h.createQuery(SELECT_RANGE).bind("after", from).bind("last", ids.getLast())
                    .map((rs, ctx) -> row(rs)).list())).forEach(each);
            if (ids.size() < batch) {
                return;
            }
            after = ids.getLast();
        }
    }

    @Override
    public Set<String> stillSearchable(Collection<String> videoIds) {
        if (videoIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("select v.id from videos v where v.id in (<ids>) and " + SEARCHABLE)
                .bindList("ids", List.copyOf(videoIds)).mapTo(String.class).list()));
    }

    @Override
    public List<String> searchableOfChannel(String handle) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select v.id from videos v join channels c on c.id = v.channel_id where c.handle = :handle and " + SEARCHABLE)
                .bind("handle", handle).mapTo(String.class).list());
    }

    @Override
    public long countSearchable() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from videos v where " + SEARCHABLE).mapTo(Long.class).one());
    }

    @Override
    public void note(String videoId, String noter) {
        jdbi.useHandle(h -> h.createUpdate("insert into search_changes (video_id, noted_at, noted_by) values (:id, :at, :by)")
                .bind("id", videoId).bind("at", System.currentTimeMillis()).bind("by", noter).execute());
    }

    @Override
    public long lastNoted() {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(max(position), 0) from search_changes").mapTo(Long.class).one());
    }

    @Override
    public List<NotedChange> notedAfter(long position, Instant notedBefore, String noter, int max) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select position, video_id from search_changes where position > :position and noted_at < :before
                        and (noted_by is null or noted_by <> :by) order by position limit :max""")
                .bind("position", position).bind("before", notedBefore.toEpochMilli()).bind("by", noter).bind("max", max)
                .map((rs, ctx) -> new NotedChange(rs.getLong("position"), rs.getString("video_id"))).list());
    }

    @Override
    public void forgetNotedBefore(Instant instant) {
        jdbi.useHandle(h -> h.createUpdate("delete from search_changes where noted_at < :before")
                .bind("before", instant.toEpochMilli()).execute());
    }

    /** A video without its tags, which {@link #withTags} adds. */
    private static SearchableVideo row(ResultSet rs) throws SQLException {
        return new SearchableVideo(rs.getString("id"), rs.getString("title"), rs.getString("description"), List.of(),
                rs.getString("handle"), rs.getString("display_name"), rs.getLong("duration_ms"), Rows.instant(rs, "created_at"),
                SearchableVideo.languagesOf(Rows.optional(rs, "written_language"), Rows.optional(rs, "spoken_language"),
                        Rows.optional(rs, "creator_language")),
                cues(rs.getString("id"), rs.getString("captions")));
    }

    /** The videos with their tags. */
    private static List<SearchableVideo> withTags(Handle h, List<SearchableVideo> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> tags = JdbiTagRepository.tagsOf(h, rows.stream().map(SearchableVideo::id).toList());
        return rows.stream().map(v -> new SearchableVideo(v.id(), v.title(), v.description(),
                tags.getOrDefault(v.id(), List.of()), v.channelHandle(), v.channelName(), v.durationMs(), v.publishedAt(),
                v.languages(), v.transcript())).toList();
    }

    /** The cues of the captions' JSON text; none when there is no analysis or its text cannot be read. */
    private static List<TranscriptCue> cues(String videoId, String captions) {
        if (captions == null) {
            return List.of();
        }
        try {
            List<TranscriptCue> cues = new ArrayList<>();
            for (JsonNode cue : JSON.readTree(captions)) {
                cues.add(new TranscriptCue(cue.path("start").asDouble(), cue.path("end").asDouble(), cue.path("text").asText("")));
            }
            return cues;
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "The captions of " + videoId + " cannot be read; searched without them", e);
            return List.of();
        }
    }
}
