package org.pando.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.pando.recommend.Candidate;
import org.pando.recommend.CandidateSource;

/**
 * Published videos (ready, and published or approved) and follows, as the recommender reads them: a video's text
 * is its title, description and tags, and it carries when its analysis was last stored, so the content index
 * reads its embeddings again then.
 */
public final class JdbiCandidateSource implements CandidateSource {
    private static final String SELECT = """
            select v.id, v.channel_id, v.created_at, v.duration_ms, v.country, v.language, v.title, v.description,
                   a.updated_at as analysed_at
            from videos v left join video_analysis a on a.video_id = v.id
            """ + "where " + JdbiVideoRepository.PUBLIC;

    private final Jdbi jdbi;
    private final JdbiChannelRepository channels;

    public JdbiCandidateSource(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.channels = new JdbiChannelRepository(jdbi);
    }

    @Override
    public List<Candidate> recent(Instant before, int limit) {
        return jdbi.withHandle(h -> withTags(h, h.createQuery(SELECT
                        + " and v.created_at < :before order by v.created_at desc, v.id desc limit :limit")
                .bind("before", before.toEpochMilli()).bind("limit", limit).map(JdbiCandidateSource::candidate).list()));
    }

    @Override
    public List<Candidate> fromCreators(List<String> creatorIds, Instant before, String beforeId, int limit) {
        // The Following feed reads only who published what when: no tags.
        return jdbi.withHandle(h -> h.createQuery(SELECT + " " + """
                         and v.channel_id in (<creators>)
                         and (v.created_at < :before or (v.created_at = :before and v.id < :beforeId))
                         order by v.created_at desc, v.id desc limit :limit""")
                .bindList("creators", creatorIds).bind("before", before.toEpochMilli()).bind("beforeId", beforeId)
                .bind("limit", limit).map(JdbiCandidateSource::candidate).list());
    }

    @Override
    public List<String> followedCreators(String accountId) {
        return channels.followedChannelIds(accountId);
    }

    /** The candidates with their tags added to their text. */
    private static List<Candidate> withTags(Handle h, List<Candidate> videos) {
        Map<String, List<String>> tags = JdbiTagRepository.tagsOf(h, videos.stream().map(Candidate::videoId).toList());
        if (tags.isEmpty()) {
            return videos;
        }
        return videos.stream().map(c -> tags.containsKey(c.videoId())
                ? new Candidate(c.videoId(), c.creatorId(), c.publishedAt(), c.durationMs(), c.country(), c.language(),
                        c.text() + "\n" + String.join(", ", tags.get(c.videoId())), c.analysedAt())
                : c).toList();
    }

    private static Candidate candidate(ResultSet rs, StatementContext ctx) throws SQLException {
        // getLong reads a missing analysis's null as 0, "never analysed"
        return new Candidate(rs.getString("id"), rs.getString("channel_id"), Rows.instant(rs, "created_at"),
                rs.getLong("duration_ms"), Rows.optional(rs, "country"), Rows.optional(rs, "language"),
                rs.getString("title") + "\n" + rs.getString("description"), rs.getLong("analysed_at"));
    }
}
