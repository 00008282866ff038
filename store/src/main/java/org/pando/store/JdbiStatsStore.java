package org.pando.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.pando.events.LogPosition;
import org.pando.events.Surface;
import org.pando.stats.CheckpointMoved;
import org.pando.stats.StatsDelta;
import org.pando.stats.StatsDelta.Audience;
import org.pando.stats.StatsDelta.VideoAudience;
import org.pando.stats.StatsDelta.VideoColumn;
import org.pando.stats.StatsDelta.VideoMinute;
import org.pando.stats.StatsDelta.VideoSecond;
import org.pando.stats.StatsDelta.VideoSurface;
import org.pando.stats.StatsStore;
import org.pando.stats.VideoTotals;

/** The statistics' totals in tables (see {@code V10__statistics.sql}), added to in one transaction per delta. */
public final class JdbiStatsStore implements StatsStore {
    private static final int IN_LIST = 500;

    private static final AdditiveTable<String> VIDEO_TOTALS = new AdditiveTable<>("video_totals", List.of("video_id"),
            columns(VideoColumn.class), (s, video) -> s.bind("video_id", video));
    private static final AdditiveTable<String> VIDEO_VIEWERS = new AdditiveTable<>("video_totals", List.of("video_id"),
            List.of("unique_viewers"), (s, video) -> s.bind("video_id", video));
    private static final AdditiveTable<String> CHANNEL_TOTALS = new AdditiveTable<>("channel_totals", List.of("channel_id"),
            List.of("unique_viewers", "followers_gained"), (s, channel) -> s.bind("channel_id", channel));
    private static final AdditiveTable<VideoSurface> SURFACES = new AdditiveTable<>("video_surfaces",
            List.of("video_id", "surface"), List.of("impressions", "views"),
            (s, k) -> s.bind("video_id", k.videoId()).bind("surface", k.surface().wireName()));
    private static final AdditiveTable<VideoAudience> AUDIENCE = new AdditiveTable<>("video_audience",
            List.of("video_id", "kind", "code"), List.of("views"),
            (s, k) -> s.bind("video_id", k.videoId()).bind("kind", kind(k.kind())).bind("code", k.code()));
    private static final AdditiveTable<VideoSecond> REACH = new AdditiveTable<>("video_reach", List.of("video_id", "at_second"),
            List.of("reach_change"), (s, k) -> s.bind("video_id", k.videoId()).bind("at_second", k.second()));
    private static final AdditiveTable<VideoMinute> MINUTES = new AdditiveTable<>("video_minutes", List.of("video_id", "at_minute"),
            List.of("impressions", "views"), (s, k) -> s.bind("video_id", k.videoId()).bind("at_minute", k.minute()));

    private final Jdbi jdbi;

    public JdbiStatsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public LogPosition checkpoint() {
        return LogPosition.decode(jdbi.withHandle(h -> h.createQuery("select log_position from stats_checkpoint where id = 1")
                .mapTo(String.class).one()));
    }

    @Override
    public void add(StatsDelta delta, LogPosition from, LogPosition to) {
        jdbi.useTransaction(h -> {
            // Writers of the same totals (web nodes on one database) take the checkpoint's row first, so that they write
            // one after the other and the later one learns that the checkpoint moved before it touches a total.
            LogPosition stored = LogPosition.decode(h.createQuery("select log_position from stats_checkpoint where id = 1 for update")
                    .mapTo(String.class).one());
            if (!stored.equals(from)) {
                throw new CheckpointMoved(from);
            }
            ensureVideos(h, delta.videos());
            VIDEO_TOTALS.add(h, delta.totals().rows());
            Map<String, long[]> channels = new HashMap<>();
            VIDEO_VIEWERS.add(h, gains(newViewers(h, delta, "video_viewers", "video_id", StatsDelta.Viewer::videoId)));
            newViewers(h, delta, "channel_viewers", "channel_id", v -> delta.videos().get(v.videoId()).channelId())
                    .forEach((channel, n) -> channels.computeIfAbsent(channel, c -> new long[2])[0] += n);
            delta.channelFollows().rows().forEach((channel, gained) -> channels.computeIfAbsent(channel, c -> new long[2])[1] += gained[0]);
            CHANNEL_TOTALS.add(h, channels);
            recordActive(h, delta);
            SURFACES.add(h, delta.surfaces().rows());
            AUDIENCE.add(h, delta.audience().rows());
            REACH.add(h, delta.reach().rows());
            MINUTES.add(h, delta.minutes().rows());
            forget(h, delta.forgetBefore());
            h.createUpdate("update stats_checkpoint set log_position = :to where id = 1").bind("to", to.encode()).execute();
        });
    }

    /** Deletes the per-minute and per-day rows from before the minute. */
    private static void forget(Handle h, long beforeMinute) {
        if (beforeMinute == Long.MIN_VALUE) {
            return;
        }
        h.createUpdate("delete from video_minutes where at_minute < :before").bind("before", beforeMinute).execute();
        h.createUpdate("delete from daily_active where at_day < :before").bind("before", Math.floorDiv(beforeMinute, 1440)).execute();
    }

    /** Counts as one-column gains. */
    private static Map<String, long[]> gains(Map<String, Long> counts) {
        Map<String, long[]> gains = new HashMap<>();
        counts.forEach((key, n) -> gains.put(key, new long[] {n}));
        return gains;
    }

    /** Makes a zero row for each video not seen before, and updates the length of those whose length changed. */
    private static void ensureVideos(Handle h, Map<String, StatsDelta.VideoInfo> videos) {
        if (videos.isEmpty()) {
            return;
        }
        var update = h.prepareBatch("update video_totals set duration_ms = :duration where video_id = :video");
        var insert = h.prepareBatch("""
                insert into video_totals (video_id, channel_id, duration_ms, views, unique_viewers, impressions, watch_ms,
                                          completes, likes, comments, shares, followers_gained)
                values (:video, :channel, :duration, 0, 0, 0, 0, 0, 0, 0, 0, 0)""");
        Map<String, Long> stored = storedDurations(h, videos.keySet());
        videos.forEach((video, info) -> {
            Long duration = stored.get(video);
            if (duration == null) {
                insert.bind("video", video).bind("channel", info.channelId()).bind("duration", info.durationMs()).add();
            } else if (info.durationMs() > 0 && info.durationMs() != duration) {
                update.bind("video", video).bind("duration", info.durationMs()).add();
            }
        });
        if (update.size() > 0) {
            update.execute();
        }
        if (insert.size() > 0) {
            insert.execute();
        }
    }

    /** The stored length of each of these videos that has a row. */
    private static Map<String, Long> storedDurations(Handle h, Set<String> videos) {
        Map<String, Long> found = new HashMap<>();
        List<String> all = new ArrayList<>(videos);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            h.createQuery("select video_id, duration_ms from video_totals where video_id in (<values>)")
                    .bindList("values", all.subList(from, Math.min(all.size(), from + IN_LIST)))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /**
     * Records the delta's viewers in {@code table} under the owner (a video or a channel) and returns how many of
     * them are new to each owner.
     */
    private static Map<String, Long> newViewers(Handle h, StatsDelta delta, String table, String ownerColumn,
            Function<StatsDelta.Viewer, String> owner) {
        Map<String, Set<String>> byOwner = new HashMap<>();
        delta.viewers().forEach(v -> byOwner.computeIfAbsent(owner.apply(v), k -> new HashSet<>()).add(v.userId()));
        Map<String, Long> added = new HashMap<>();
        var insert = h.prepareBatch("insert into " + table + " (" + ownerColumn + ", user_id) values (:owner, :user)");
        byOwner.forEach((id, users) -> {
            Set<String> known = existing(h, table, "user_id", ownerColumn, id, users);
            for (String user : users) {
                if (!known.contains(user)) {
                    insert.bind("owner", id).bind("user", user).add();
                    added.merge(id, 1L, Long::sum);
                }
            }
        });
        if (insert.size() > 0) {
            insert.execute();
        }
        return added;
    }

    /** Records who was active on which day, once per person and day. */
    private static void recordActive(Handle h, StatsDelta delta) {
        Map<Long, Set<String>> byDay = new HashMap<>();
        delta.activeUsers().forEach(a -> byDay.computeIfAbsent(a.day(), k -> new HashSet<>()).add(a.userId()));
        var insert = h.prepareBatch("insert into daily_active (at_day, user_id) values (:day, :user)");
        byDay.forEach((day, users) -> {
            Set<String> known = existing(h, "daily_active", "user_id", "at_day", day, users);
            users.stream().filter(u -> !known.contains(u)).forEach(u -> insert.bind("day", day).bind("user", u).add());
        });
        if (insert.size() > 0) {
            insert.execute();
        }
    }

    /** Which of {@code values} the column holds (within the rows of one owner, when an owner column is given). */
    private static Set<String> existing(Handle h, String table, String column, String ownerColumn, Object owner, Set<String> values) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            Query q = h.createQuery("select " + column + " from " + table + " where " + column + " in (<values>)"
                    + (ownerColumn.isEmpty() ? "" : " and " + ownerColumn + " = :owner"))
                    .bindList("values", all.subList(from, Math.min(all.size(), from + IN_LIST)));
            if (!ownerColumn.isEmpty()) {
                q.bind("owner", owner);
            }
            found.addAll(q.mapTo(String.class).list());
        }
        return found;
    }

    @Override
    public Optional<VideoTotals> video(String videoId) {
        return jdbi.withHandle(h -> h.createQuery("select * from video_totals where video_id = :v").bind("v", videoId)
                .map((rs, ctx) -> totals(rs)).findOne());
    }

    @Override
    public List<VideoTotals> channelVideos(String channelId) {
        return jdbi.withHandle(h -> h.createQuery("select * from video_totals where channel_id = :c").bind("c", channelId)
                .map((rs, ctx) -> totals(rs)).list());
    }

    @Override
    public long uniqueViewers(String channelId) {
        return channelCount("unique_viewers", channelId);
    }

    @Override
    public long followersGained(String channelId) {
        return channelCount("followers_gained", channelId);
    }

    private long channelCount(String column, String channelId) {
        return jdbi.withHandle(h -> h.createQuery("select " + column + " from channel_totals where channel_id = :c")
                .bind("c", channelId).mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public long[] reach(String videoId, int lastSecond) {
        long[] reach = new long[lastSecond + 1];
        jdbi.useHandle(h -> h.createQuery("""
                        select at_second, reach_change from video_reach where video_id = :v and at_second <= :last""")
                .bind("v", videoId).bind("last", lastSecond)
                .map((rs, ctx) -> new long[] {rs.getInt("at_second"), rs.getLong("reach_change")})
                .forEach(change -> reach[(int) change[0]] += change[1]));
        for (int s = 1; s < reach.length; s++) {
            reach[s] += reach[s - 1];
        }
        return reach;
    }

    @Override
    public Map<Surface, Shown> surfaces(Scope scope) {
        Map<Surface, Shown> surfaces = new EnumMap<>(Surface.class);
        jdbi.useHandle(h -> scoped(h, "select surface, sum(impressions) as i, sum(views) as v from video_surfaces where %s group by surface",
                scope).map((rs, ctx) -> Map.entry(rs.getString("surface"), new Shown(rs.getLong("i"), rs.getLong("v"))))
                .forEach(e -> Surface.ofWireName(e.getKey()).ifPresent(s -> surfaces.put(s, e.getValue()))));
        return surfaces;
    }

    @Override
    public Map<String, Long> audience(Scope scope, Audience kind) {
        Map<String, Long> audience = new LinkedHashMap<>();
        jdbi.useHandle(h -> scoped(h, "select code, sum(views) as v from video_audience where %s and kind = :kind group by code "
                + "order by sum(views) desc, code", scope).bind("kind", kind(kind))
                .map((rs, ctx) -> Map.entry(rs.getString("code"), rs.getLong("v")))
                .forEach(e -> audience.put(e.getKey(), e.getValue())));
        return audience;
    }

    @Override
    public SortedMap<Long, Shown> minutes(Scope scope, long fromMinute) {
        SortedMap<Long, Shown> minutes = new TreeMap<>();
        jdbi.useHandle(h -> scoped(h, "select at_minute, sum(impressions) as i, sum(views) as v from video_minutes where %s "
                + "and at_minute >= :from group by at_minute", scope).bind("from", fromMinute)
                .map((rs, ctx) -> Map.entry(rs.getLong("at_minute"), new Shown(rs.getLong("i"), rs.getLong("v"))))
                .forEach(e -> minutes.put(e.getKey(), e.getValue())));
        return minutes;
    }

    @Override
    public List<MinuteViews> viewsSince(long fromMinute) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select video_id, at_minute, views from video_minutes where at_minute >= :from and views > 0""")
                .bind("from", fromMinute)
                .map((rs, ctx) -> new MinuteViews(rs.getString("video_id"), rs.getLong("at_minute"), rs.getLong("views"))).list());
    }

    @Override
    public Map<String, ChannelImpressions> impressionsByChannel() {
        Map<String, ChannelImpressions> byChannel = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select t.channel_id, sum(s.impressions) as i,
                               sum(case when s.surface = :forYou then s.impressions else 0 end) as f
                        from video_surfaces s join video_totals t on t.video_id = s.video_id
                        group by t.channel_id having sum(s.impressions) > 0""")
                .bind("forYou", Surface.FOR_YOU.wireName())
                .map((rs, ctx) -> Map.entry(rs.getString("channel_id"), new ChannelImpressions(rs.getLong("i"), rs.getLong("f"))))
                .forEach(e -> byChannel.put(e.getKey(), e.getValue())));
        return byChannel;
    }

    @Override
    public long impressionsBetween(String videoId, long fromMinute, long toMinute) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select coalesce(sum(impressions), 0) from video_minutes
                        where video_id = :v and at_minute >= :from and at_minute < :to""")
                .bind("v", videoId).bind("from", fromMinute).bind("to", toMinute).mapTo(Long.class).one());
    }

    @Override
    public SortedMap<Long, Long> activeUsers(long fromDay) {
        SortedMap<Long, Long> days = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("select at_day, count(*) as n from daily_active where at_day >= :from group by at_day")
                .bind("from", fromDay).map((rs, ctx) -> Map.entry(rs.getLong("at_day"), rs.getLong("n")))
                .forEach(e -> days.put(e.getKey(), e.getValue())));
        return days;
    }

    @Override
    public SortedMap<Long, Map<String, Long>> impressionsByDay(long fromDay) {
        SortedMap<Long, Map<String, Long>> days = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select m.at_minute / 1440 as at_day, t.channel_id, sum(m.impressions) as i
                        from video_minutes m join video_totals t on t.video_id = m.video_id
                        where m.at_minute >= :from and m.impressions > 0
                        group by m.at_minute / 1440, t.channel_id""")
                .bind("from", fromDay * 1440)
                .map((rs, ctx) -> new Object[] {rs.getLong("at_day"), rs.getString("channel_id"), rs.getLong("i")})
                .forEach(r -> days.computeIfAbsent((Long) r[0], d -> new HashMap<>()).put((String) r[1], (Long) r[2])));
        return days;
    }

    @Override
    public SortedMap<Long, Long> instanceViews(long fromMinute) {
        SortedMap<Long, Long> minutes = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select at_minute, sum(views) as v from video_minutes where at_minute >= :from and views > 0
                        group by at_minute""")
                .bind("from", fromMinute).map((rs, ctx) -> Map.entry(rs.getLong("at_minute"), rs.getLong("v")))
                .forEach(e -> minutes.put(e.getKey(), e.getValue())));
        return minutes;
    }

    /** A query over one video's rows or its channel's, {@code %s} standing for the condition. */
    private static Query scoped(Handle h, String sql, Scope scope) {
        String condition = scope.channel() ? "video_id in (select video_id from video_totals where channel_id = :scope)"
                : "video_id = :scope";
        return h.createQuery(String.format(Locale.ROOT, sql, condition)).bind("scope", scope.id());
    }

    private static VideoTotals totals(ResultSet rs) throws SQLException {
        return new VideoTotals(rs.getString("video_id"), rs.getString("channel_id"), rs.getLong("duration_ms"),
                rs.getLong("views"), rs.getLong("unique_viewers"), rs.getLong("impressions"), rs.getLong("watch_ms"),
                rs.getLong("completes"), rs.getLong("likes"), rs.getLong("comments"), rs.getLong("shares"),
                rs.getLong("followers_gained"));
    }

    private static String kind(Audience kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> List<String> columns(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }
}
