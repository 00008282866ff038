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
 * A candidate with its features and the score they add up to. The parts of the score, the "why" shown, are put
 * together only for the few candidates served: most candidates of a request are scored and passed over.
 *
 * @param video    the video
 * @param features each signal's value in [0, 1], indexed by {@link Signal#ordinal()}
 * @param weights  each signal's weight, indexed the same way
 * @param because  the video of the viewer's history a signal comes from, for the signals that have one
 * @param score    the sum of each signal's weight times its value
 */
record ScoredVideo(Candidate video, double[] features, double[] weights, Map<Signal, String> because, double score) {

    /** Scores a candidate: each part is the weight times the feature, and the score is their sum. */
    static ScoredVideo of(Candidate video, double[] features, Map<Signal, String> because, double[] weights) {
        double score = 0;
        for (int i = 0; i < features.length; i++) {
            score += weights[i] * features[i];
        }
        return new ScoredVideo(video, features, weights, because, score);
    }

    String id() {
        return video.videoId();
    }

    /** Each signal's weighted part, largest first, zeros left out; they add up to {@link #score}. */
    List<Contribution> why() {
        List<Contribution> parts = new ArrayList<>();
        for (Signal s : Signal.values()) {
            double value = weights[s.ordinal()] * features[s.ordinal()];
            if (value != 0) {
                parts.add(new Contribution(s, value, Optional.ofNullable(because.get(s))));
            }
        }
        parts.sort(Comparator.comparingDouble((Contribution c) -> -c.value()));
        return parts;
    }

    FeedItem item(double propensity, boolean exploration) {
        return new FeedItem(video.videoId(), score, why(), propensity, exploration);
    }

    /** Best first; ties by newer, then by id, so a ranking is reproducible. */
    static final Comparator<ScoredVideo> BEST_FIRST = (a, b) -> {
        int byScore = Double.compare(b.score, a.score);
        if (byScore != 0) {
            return byScore;
        }
        int byAge = b.video.publishedAt().compareTo(a.video.publishedAt());
        return byAge != 0 ? byAge : a.id().compareTo(b.id());
    };
}
