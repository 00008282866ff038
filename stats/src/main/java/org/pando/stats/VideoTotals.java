package org.pando.stats;

/**
 * The running totals of one video.
 *
 * @param videoId         the video
 * @param channelId       its channel
 * @param durationMs      its length, as the last event reported it
 * @param views           plays
 * @param uniqueViewers   accounts and visitors who played it at least once
 * @param impressions     times it was shown
 * @param watchMs         time watched, summed over views (each view's furthest position)
 * @param completes       views watched to the end
 * @param likes           likes less likes taken back
 * @param comments        comments written
 * @param shares          shares
 * @param followersGained follows of the channel made from this video
 */
public record VideoTotals(String videoId, String channelId, long durationMs, long views, long uniqueViewers, long impressions,
        long watchMs, long completes, long likes, long comments, long shares, long followersGained) {

    /** The totals of a video no event has named yet. */
    public static VideoTotals none(String videoId, String channelId, long durationMs) {
        return new VideoTotals(videoId, channelId, durationMs, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Mean time watched per view; 0 without views. */
    public long averageViewMs() {
        return views == 0 ? 0 : watchMs / views;
    }

    /** Share of views watched to the end; 0 without views. */
    public double completionRate() {
        return views == 0 ? 0 : (double) completes / views;
    }
}
