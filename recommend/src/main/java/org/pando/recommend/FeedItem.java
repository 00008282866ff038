package org.pando.recommend;

import java.util.List;

/**
 * One recommended video with the reasons for it.
 *
 * @param videoId     the video
 * @param score       the score it was ranked by: exactly the sum of {@code why}'s values
 * @param why         the score's decomposition, largest first, zero parts left out
 * @param propensity  the probability with which the policy showed this video in this place, for off-policy
 *                    evaluation of the instance's own logs
 * @param exploration whether it filled the disclosed exploration slot
 */
public record FeedItem(String videoId, double score, List<Contribution> why, double propensity, boolean exploration) {
    public FeedItem {
        why = List.copyOf(why);
    }

    /** A video placed by a rule rather than a score (chronological lists). */
    public static FeedItem plain(String videoId) {
        return new FeedItem(videoId, 0, List.of(), 1.0, false);
    }
}
