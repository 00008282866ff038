package org.pando.stats;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.pando.events.LogPosition;
import org.pando.events.Surface;
import org.pando.stats.StatsDelta.Audience;

/**
 * Where the statistics' totals are kept. Implemented by the store module. Reads of a channel add up its videos'
 * rows; none scans the events. Unique viewers are counted by the store as it adds a delta's
 * {@link StatsDelta#viewers()}: per video, and per channel through the delta's {@link StatsDelta#videos()}.
 */
public interface StatsStore {
    /** Where in the event log the totals are: after the last event they hold ({@link LogPosition#START} before any). */
    LogPosition checkpoint();

    /**
     * Adds the delta to the totals, forgets the per-minute and per-day rows from before its
     * {@link StatsDelta#forgetBefore()}, and moves the checkpoint from {@code from} to {@code to}, all or nothing;
     * fails, changing nothing, when the checkpoint is no longer at {@code from} (another writer moved it).
     *
     * @throws CheckpointMoved when another writer moved the checkpoint
     */
    void add(StatsDelta delta, LogPosition from, LogPosition to);

    /** A video's totals, if any event ever named it. */
    Optional<VideoTotals> video(String videoId);

    /** The totals of every video of the channel that any event named. */
    List<VideoTotals> channelVideos(String channelId);

    /** Accounts and visitors who played at least one of the channel's videos. */
    long uniqueViewers(String channelId);

    /** Followers the channel gained, on its page and from its videos. */
    long followersGained(String channelId);

    /**
     * How many views reached each second of the video, from 0 to {@code lastSecond}: element {@code s} counts the
     * views whose furthest position was at least {@code s} seconds.
     */
    long[] reach(String videoId, int lastSecond);

    /** Impressions and views per traffic source, of one video or of a channel's videos. */
    Map<Surface, Shown> surfaces(Scope scope);

    /** Views per country or per language, of one video or of a channel's videos. */
    Map<String, Long> audience(Scope scope, Audience kind);

    /** Impressions and views per minute (minutes since the epoch) from {@code fromMinute} on. */
    SortedMap<Long, Shown> minutes(Scope scope, long fromMinute);

    /** Views per minute of every video from {@code fromMinute} on, the history the forecast is fitted to. */
    List<MinuteViews> viewsSince(long fromMinute);

    /** Impressions each channel with any received, in all and on For You, read at once. */
    Map<String, ChannelImpressions> impressionsByChannel();

    /** Impressions of one video from {@code fromMinute} to {@code toMinute}, exclusive. */
    long impressionsBetween(String videoId, long fromMinute, long toMinute);

    /** How many accounts and visitors did anything on each day (days since the epoch) from {@code fromDay} on. */
    SortedMap<Long, Long> activeUsers(long fromDay);

    /** Impressions of each channel on each day (days since the epoch) from {@code fromDay} on. */
    SortedMap<Long, Map<String, Long>> impressionsByDay(long fromDay);

    /** Views of the whole instance per minute from {@code fromMinute} on. */
    SortedMap<Long, Long> instanceViews(long fromMinute);

    /** One video, or all the videos of one channel. */
    record Scope(boolean channel, String id) {
        public static Scope video(String videoId) {
            return new Scope(false, videoId);
        }

        public static Scope channel(String channelId) {
            return new Scope(true, channelId);
        }
    }

    /** Impressions and the views that followed. */
    record Shown(long impressions, long views) {
        /** Views per impression; 0 without impressions. */
        public double playRate() {
            return impressions == 0 ? 0 : (double) views / impressions;
        }
    }

    /** A channel's impressions, all of them and those on For You. */
    record ChannelImpressions(long all, long forYou) {
    }

    /** Views of one video in one minute. */
    record MinuteViews(String videoId, long minute, long views) {
    }
}
