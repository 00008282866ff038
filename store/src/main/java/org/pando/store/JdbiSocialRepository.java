package org.pando.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.pando.catalog.Comment;
import org.pando.catalog.SocialRepository;
import org.pando.domain.Keyset;

/** Likes and comments in SQL. */
public final class JdbiSocialRepository implements SocialRepository {
    private static final String SELECT_COMMENT = """
            select c.*, a.username from comments c join accounts a on a.id = c.author_id""";

    private final Jdbi jdbi;

    public JdbiSocialRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean like(String accountId, String videoId, Instant at) {
        return UniqueViolation.insertedOnce(() -> jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("insert into likes (account_id, video_id, created_at) values (:a, :v, :at)")
                    .bind("a", accountId).bind("v", videoId).bind("at", at.toEpochMilli()).execute();
            count(h, "like_count", videoId, inserted);
            return inserted;
        }));
    }

    @Override
    public boolean unlike(String accountId, String videoId) {
        return jdbi.inTransaction(h -> {
            int deleted = h.createUpdate("delete from likes where account_id = :a and video_id = :v")
                    .bind("a", accountId).bind("v", videoId).execute();
            count(h, "like_count", videoId, -deleted);
            return deleted > 0;
        });
    }

    /** Changes one of the counts a video's row keeps ({@code like_count} or {@code comment_count}). */
    private static void count(Handle h, String column, String videoId, int change) {
        KeptCounts.add(h, "videos", column, videoId, change);
    }

    @Override
    public boolean likes(String accountId, String videoId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from likes where account_id = :a and video_id = :v")
                .bind("a", accountId).bind("v", videoId).mapTo(Long.class).one()) > 0;
    }

    @Override
    public Set<String> likedAmong(String accountId, Collection<String> videoIds) {
        return jdbi.withHandle(h -> h.createQuery("select video_id from likes where account_id = :a and video_id in (<ids>)")
                .bind("a", accountId).bindList("ids", List.copyOf(videoIds)).mapTo(String.class).set());
    }

    @Override
    public void insertComment(Comment c) {
        jdbi.useTransaction(h -> {
            int inserted = h.createUpdate("""
                            insert into comments (id, video_id, author_id, body, created_at)
                            values (:id, :video, :author, :body, :created)""")
                    .bind("id", c.id()).bind("video", c.videoId()).bind("author", c.authorId()).bind("body", c.body())
                    .bind("created", c.createdAt().toEpochMilli()).execute();
            count(h, "comment_count", c.videoId(), inserted);
        });
    }

    @Override
    public Optional<Comment> findComment(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_COMMENT + " where c.id = :id").bind("id", id)
                .map(JdbiSocialRepository::comment).findOne());
    }

    @Override
    public void deleteComment(String id) {
        jdbi.useTransaction(h -> h.createQuery("select video_id from comments where id = :id").bind("id", id).mapTo(String.class)
                .findOne().ifPresent(video -> {
                    int deleted = h.createUpdate("delete from comments where id = :id").bind("id", id).execute();
                    count(h, "comment_count", video, -deleted);
                }));
    }

    @Override
    public List<Comment> comments(String videoId, Keyset after, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_COMMENT + " " + """
                         where c.video_id = :video and (c.created_at < :at or (c.created_at = :at and c.id < :id))
                         order by c.created_at desc, c.id desc limit :limit""")
                .bind("video", videoId).bind("at", after.at().toEpochMilli()).bind("id", after.id()).bind("limit", limit)
                .map(JdbiSocialRepository::comment).list());
    }

    private static Comment comment(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Comment(rs.getString("id"), rs.getString("video_id"), rs.getString("author_id"),
                rs.getString("username"), rs.getString("body"), Rows.instant(rs, "created_at"));
    }
}
