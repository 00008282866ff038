package org.pando.recommend.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pando.recommend.Candidate;
import org.pando.recommend.Contribution;
import org.pando.recommend.FeedItem;
import org.pando.recommend.Signal;

/**
 * A candidate with its features and the score they add up to.
 *
 * @param video    the video
 * @param features each signal's value in [0, 1], indexed by {@link Signal#ordinal()}
 * @param why      each signal's weighted part, largest first, zeros left out
 * @param score    the sum of {@code why}
 */
record ScoredVideo(Candidate video, double[] features, List<Contribution> why, double score) {

    /** Scores a candidate: each part is the weight times the feature, and the score is their sum. */
    static ScoredVideo of(Candidate video, double[] features, Map<Signal, String> because, double[] weights) {
        List<Contribution> parts = new ArrayList<>();
        for (Signal s : Signal.values()) {
            double value = weights[s.ordinal()] * features[s.ordinal()];
            if (value != 0) {
                parts.add(new Contribution(s, value, Optional.ofNullable(because.get(s))));
            }
        }
        parts.sort(Comparator.comparingDouble((Contribution c) -> -c.value()));
        double score = 0;
        for (Contribution c : parts) {
            score += c.value();
        }
        return new ScoredVideo(video, features, parts, score);
    }

    String id() {
        return video.videoId();
    }

    FeedItem item(double propensity, boolean exploration) {
        return new FeedItem(video.videoId(), score, why, propensity, exploration);
    }

    /** Best first; ties by newer, then by id, so a ranking is reproducible. */
    static final Comparator<ScoredVideo> BEST_FIRST = Comparator.comparingDouble((ScoredVideo s) -> -s.score())
            .thenComparing(s -> s.video().publishedAt(), Comparator.reverseOrder())
            .thenComparing(ScoredVideo::id);
}
