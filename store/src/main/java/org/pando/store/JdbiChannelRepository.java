package org.pando.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.pando.catalog.Channel;
import org.pando.catalog.ChannelLink;
import org.pando.catalog.ChannelPicture;
import org.pando.catalog.ChannelRepository;
import org.pando.catalog.HandleTaken;

/** Channels and follows in SQL; a channel's links are one JSON array, its pictures' times one column each. */
public final class JdbiChannelRepository implements ChannelRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ChannelLink>> LINKS = new TypeReference<>() { };
    private static final Map<ChannelPicture, String> PICTURE_COLUMNS = Map.of(
            ChannelPicture.AVATAR, "avatar_at", ChannelPicture.BANNER, "banner_at");

    /** A channel's row carries its count of followers, kept with each follow and unfollow. */
    private static final String SELECT = "select c.* from channels c";

    private final Jdbi jdbi;

    public JdbiChannelRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Channel channel) {
        try {
            jdbi.useHandle(h -> insert(h, channel));
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw new HandleTaken(channel.handle());
            }
            throw e;
        }
    }

    static final String INSERT = """
            insert into channels (id, owner_id, handle, display_name, description, created_at)
            values (:id, :owner, :handle, :name, :description, :created)""";

    static void insert(Handle h, Channel channel) {
        bound(h.createUpdate(INSERT), channel).execute();
    }

    /** The statement of {@link #INSERT}, or one row of its batch, bound to the channel. */
    static <S extends SqlStatement<S>> S bound(S statement, Channel channel) {
        return statement.bind("id", channel.id()).bind("owner", channel.ownerId()).bind("handle", channel.handle())
                .bind("name", channel.displayName()).bind("description", channel.description())
                .bind("created", channel.createdAt().toEpochMilli());
    }

    @Override
    public void update(Channel channel) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update channels set display_name = :name, description = :description, links = :links where id = :id")
                .bind("id", channel.id()).bind("name", channel.displayName()).bind("description", channel.description())
                .bind("links", links(channel.links()))
                .execute());
    }

    @Override
    public void setPicture(String channelId, ChannelPicture kind, Optional<Instant> setAt) {
        jdbi.useHandle(h -> h.createUpdate("update channels set " + PICTURE_COLUMNS.get(kind) + " = :at where id = :id")
                .bind("id", channelId).bind("at", setAt.map(Instant::toEpochMilli).orElse(null))
                .execute());
    }

    @Override
    public Optional<Channel> findById(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where c.id = :id").bind("id", id)
                .map(JdbiChannelRepository::channel).findOne());
    }

    @Override
    public List<Channel> findAll(Collection<String> ids) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where c.id in (<ids>)").bindList("ids", List.copyOf(ids))
                .map(JdbiChannelRepository::channel).list());
    }

    @Override
    public Optional<Channel> findByHandle(String handle) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where c.handle = :handle").bind("handle", handle)
                .map(JdbiChannelRepository::channel).findOne());
    }

    @Override
    public List<Channel> listByOwner(String ownerId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where c.owner_id = :owner order by c.created_at, c.id")
                .bind("owner", ownerId).map(JdbiChannelRepository::channel).list());
    }

    @Override
    public boolean follow(String accountId, String channelId, Instant at) {
        return UniqueViolation.insertedOnce(() -> jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("insert into follows (follower_id, channel_id, created_at) values (:account, :channel, :at)")
                    .bind("account", accountId).bind("channel", channelId).bind("at", at.toEpochMilli()).execute();
            countFollowers(h, channelId, inserted);
            return inserted;
        }));
    }

    @Override
    public boolean unfollow(String accountId, String channelId) {
        return jdbi.inTransaction(h -> {
            int deleted = h.createUpdate("delete from follows where follower_id = :account and channel_id = :channel")
                    .bind("account", accountId).bind("channel", channelId).execute();
            countFollowers(h, channelId, -deleted);
            return deleted > 0;
        });
    }

    private static void countFollowers(Handle h, String channelId, int change) {
        KeptCounts.add(h, "channels", "follower_count", channelId, change);
    }

    @Override
    public Set<String> followedAmong(String accountId, Collection<String> channelIds) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select channel_id from follows where follower_id = :account and channel_id in (<ids>)")
                .bind("account", accountId).bindList("ids", List.copyOf(channelIds)).mapTo(String.class).set());
    }

    @Override
    public boolean isFollowing(String accountId, String channelId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from follows where follower_id = :account and channel_id = :channel")
                .bind("account", accountId).bind("channel", channelId).mapTo(Long.class).one()) > 0;
    }

    @Override
    public List<String> followedChannelIds(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("select channel_id from follows where follower_id = :account order by created_at")
                .bind("account", accountId).mapTo(String.class).list());
    }

    private static Channel channel(ResultSet rs, StatementContext ctx) throws SQLException {
        Map<ChannelPicture, Instant> pictures = new EnumMap<>(ChannelPicture.class);
        for (var column : PICTURE_COLUMNS.entrySet()) {
            long at = rs.getLong(column.getValue());
            if (!rs.wasNull()) {
                pictures.put(column.getKey(), Instant.ofEpochMilli(at));
            }
        }
        return new Channel(rs.getString("id"), rs.getString("owner_id"), rs.getString("handle"),
                rs.getString("display_name"), rs.getString("description"), links(rs.getString("links")), pictures,
                rs.getLong("follower_count"), Rows.instant(rs, "created_at"));
    }

    private static String links(List<ChannelLink> links) {
        try {
            return JSON.writeValueAsString(links);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Links that cannot be written as JSON", e);
        }
    }

    private static List<ChannelLink> links(String json) {
        try {
            return JSON.readValue(json, LINKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A channel's links are not the JSON they were written as: " + json, e);
        }
    }
}
