package org.pando.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A creator's impressions held against the instance's fairness policy.
 *
 * @param forYouImpressions the channel's For You impressions
 * @param forYouShare       their share of every For You impression on the instance
 * @param lorenz            the instance's Lorenz curve of impressions across channels
 * @param standing          where this channel stands on it
 * @param gini              the Gini coefficient of impressions across channels
 * @param channels          channels with at least one impression
 * @param newVideos         for each of the channel's recent videos, whether the new-video guarantee was kept
 */
public record Exposure(long forYouImpressions, double forYouShare, Lorenz lorenz, Lorenz.Point standing, double gini, int channels,
        List<Guarantee> newVideos) {

    /** Whether a new video got its first impressions in time. */
    public enum Delivery { DELIVERED, MISSED, UNDERWAY }

    /**
     * The new-video guarantee of one video.
     *
     * @param videoId     the video
     * @param publishedAt when it was published
     * @param impressions impressions within the window after publishing
     * @param promised    impressions the policy promises within the window
     * @param window      how long after publishing they are promised
     * @param delivery    delivered, missed, or the window is still open
     */
    public record Guarantee(String videoId, Instant publishedAt, long impressions, int promised, Duration window, Delivery delivery) {
    }

    /**
     * The policy's promise to every new video: its first {@code impressions} within {@code window} of publishing.
     */
    public record FreshTerms(Duration window, int impressions) {
    }

    /** A video of the channel and when it was published. */
    public record Published(String videoId, Instant at) {
    }
}
