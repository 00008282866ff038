package org.pando.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.pando.upload.Upload;
import org.pando.upload.UploadMetadata;
import org.pando.upload.UploadRepository;

/** Upload descriptions in SQL (the bytes are files). */
public final class JdbiUploadRepository implements UploadRepository {
    private final Jdbi jdbi;

    public JdbiUploadRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Upload u) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into uploads (id, account_id, length, filename, title, channel, description, created_at, expires_at)
                        values (:id, :account, :length, :filename, :title, :channel, :description, :created, :expires)""")
                .bind("id", u.id()).bind("account", u.accountId()).bind("length", u.length())
                .bind("filename", u.metadata().filename()).bind("title", u.metadata().title())
                .bind("channel", u.metadata().channel().orElse(null)).bind("description", u.metadata().description())
                .bind("created", u.createdAt().toEpochMilli()).bind("expires", u.expiresAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<Upload> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from uploads where id = :id").bind("id", id)
                .map(JdbiUploadRepository::upload).findOne());
    }

    @Override
    public void finish(String id, String videoId) {
        jdbi.useHandle(h -> h.createUpdate("update uploads set video_id = :video where id = :id")
                .bind("video", videoId).bind("id", id).execute());
    }

    @Override
    public void delete(String id) {
        jdbi.useHandle(h -> h.createUpdate("delete from uploads where id = :id").bind("id", id).execute());
    }

    @Override
    public List<Upload> expired(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select * from uploads where video_id is null and expires_at < :now")
                .bind("now", now.toEpochMilli()).map(JdbiUploadRepository::upload).list());
    }

    private static Upload upload(ResultSet rs, StatementContext ctx) throws SQLException {
        UploadMetadata metadata = new UploadMetadata(rs.getString("filename"), rs.getString("title"),
                Rows.optional(rs, "channel"), rs.getString("description"));
        return new Upload(rs.getString("id"), rs.getString("account_id"), rs.getLong("length"), metadata,
                Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"), Rows.optional(rs, "video_id"));
    }
}
