package org.pando.stats;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.pando.events.Surface;

/**
 * What a run of events adds to the stored statistics, kept until it is written in one transaction. Every number
 * is a gain to add, so deltas of consecutive runs add up to the totals of the whole stream. Not thread-safe.
 */
public final class StatsDelta {
    /** A video's totals. */
    public enum VideoColumn { VIEWS, IMPRESSIONS, WATCH_MS, COMPLETES, LIKES, COMMENTS, SHARES, FOLLOWERS_GAINED }

    /** Impressions and views by surface, or by minute. */
    public enum ShownColumn { IMPRESSIONS, VIEWS }

    /** Views alone (audience by country or language). */
    public enum ViewColumn { VIEWS }

    /** Followers a channel gained. */
    public enum FollowColumn { FOLLOWERS_GAINED }

    /**
     * The change in how many views reached each second: views that reached second {@code s} are the sum of
     * every change at seconds up to {@code s} (a difference array, so a view's progress costs two entries).
     */
    public enum ReachColumn { CHANGE }

    /** What every video's row records besides its counters: its channel and its length. */
    public record VideoInfo(String channelId, long durationMs) {
    }

    /** A video and one of its traffic sources. */
    public record VideoSurface(String videoId, Surface surface) {
    }

    /** A video and one code of its audience: a country ({@code KR}) or a language ({@code ko}). */
    public record VideoAudience(String videoId, Audience kind, String code) {
    }

    /** Which part of the audience a code names. */
    public enum Audience { COUNTRY, LANGUAGE }

    /** A video and one second of it. */
    public record VideoSecond(String videoId, int second) {
    }

    /** A video and one minute of the clock (minutes since the epoch). */
    public record VideoMinute(String videoId, long minute) {
    }

    /** A video and someone who played it. */
    public record Viewer(String videoId, String userId) {
    }

    /** Someone who did anything on a day (days since the epoch, UTC). */
    public record ActiveUser(long day, String userId) {
    }

    private final Map<String, VideoInfo> videos = new HashMap<>();
    final Counters<String, VideoColumn> totals = new Counters<>(VideoColumn.class);
    final Counters<VideoSurface, ShownColumn> surfaces = new Counters<>(ShownColumn.class);
    final Counters<VideoAudience, ViewColumn> audience = new Counters<>(ViewColumn.class);
    final Counters<VideoSecond, ReachColumn> reach = new Counters<>(ReachColumn.class);
    final Counters<VideoMinute, ShownColumn> minutes = new Counters<>(ShownColumn.class);
    final Counters<String, FollowColumn> channelFollows = new Counters<>(FollowColumn.class);
    private final Set<Viewer> viewers = new HashSet<>();
    private final Set<ActiveUser> activeUsers = new HashSet<>();
    private long forgetBefore = Long.MIN_VALUE;

    void video(String videoId, String channelId, long durationMs) {
        videos.merge(videoId, new VideoInfo(channelId, durationMs),
                (old, now) -> now.durationMs() > 0 ? now : old);
    }

    void viewer(String videoId, String userId) {
        viewers.add(new Viewer(videoId, userId));
    }

    void active(long day, String userId) {
        activeUsers.add(new ActiveUser(day, userId));
    }

    /** The channel and length of every video with a gain here. */
    public Map<String, VideoInfo> videos() {
        return Collections.unmodifiableMap(videos);
    }

    /** Gains of each video's totals; unique viewers are counted by the store from {@link #viewers()}. */
    public Counters<String, VideoColumn> totals() {
        return totals;
    }

    /** Gains of impressions and views per video and surface. */
    public Counters<VideoSurface, ShownColumn> surfaces() {
        return surfaces;
    }

    /** Gains of views per video and country or language. */
    public Counters<VideoAudience, ViewColumn> audience() {
        return audience;
    }

    /** Changes of per-second reach per video (see {@link ReachColumn}). */
    public Counters<VideoSecond, ReachColumn> reach() {
        return reach;
    }

    /** Gains of impressions and views per video and minute. */
    public Counters<VideoMinute, ShownColumn> minutes() {
        return minutes;
    }

    /** Followers each channel gained, from its pages and its videos. */
    public Counters<String, FollowColumn> channelFollows() {
        return channelFollows;
    }

    /** Who played which video; those not seen on that video before raise its unique viewers. */
    public Set<Viewer> viewers() {
        return Collections.unmodifiableSet(viewers);
    }

    /** Who did anything on which day; those not seen that day before raise its active users. */
    public Set<ActiveUser> activeUsers() {
        return Collections.unmodifiableSet(activeUsers);
    }

    /**
     * The minute (since the epoch) before which the per-minute and per-day rows are no longer kept; written with
     * this delta, after its own rows, so replayed old events leave nothing behind either.
     */
    public long forgetBefore() {
        return forgetBefore;
    }

    void forgetBefore(long minute) {
        forgetBefore = Math.max(forgetBefore, minute);
    }

    /** Adds what later events added, so that this delta covers both runs (a write that failed goes again). */
    void addLater(StatsDelta later) {
        later.videos.forEach((video, info) -> video(video, info.channelId(), info.durationMs()));
        totals.addAll(later.totals);
        surfaces.addAll(later.surfaces);
        audience.addAll(later.audience);
        reach.addAll(later.reach);
        minutes.addAll(later.minutes);
        channelFollows.addAll(later.channelFollows);
        viewers.addAll(later.viewers);
        activeUsers.addAll(later.activeUsers);
        forgetBefore(later.forgetBefore);
    }
}
