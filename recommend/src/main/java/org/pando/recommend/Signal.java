package org.pando.recommend;

import java.util.Arrays;
import java.util.Optional;

/**
 * A named reason a video is recommended. Every score is a sum of one contribution per signal, and the same
 * contributions are shown to the viewer as "why this video"; viewers can weight each signal.
 */
public enum Signal {
    /** The viewer follows the video's creator. */
    FOLLOWED("followed", 1.0),
    /** People who finished a video the viewer finished also finished this one (item-to-item co-occurrence). */
    CO_WATCHED("co-watched", 1.0),
    /** The viewer's taste vector, folded in after every watch, points at it (implicit ALS). */
    TASTE("taste", 0.8),
    /** It completes the set of videos the viewer watched, as the whole instance watches (EASE on the active head). */
    WATCHED_TOGETHER("watched-together", 0.6),
    /** Its title and description are close to a video the viewer finished. */
    SIMILAR_CONTENT("similar-content", 0.9),
    /** Completed, liked and shared in the viewer's country lately. */
    POPULAR_IN_COUNTRY("popular-in-country", 0.5),
    /** Completed, liked and shared across the instance lately. */
    POPULAR("popular", 0.35),
    /** In the viewer's language. */
    LANGUAGE("language", 0.25),
    /** Viewers watch more of it than of other videos of its length (Kuaishou's duration-debiased quantile). */
    WELL_WATCHED("well-watched", 0.3),
    /** How recently it was published. */
    RECENT("recent", 0.3),
    /** A new video still owed its first impressions, or a creator with few followers. */
    NEW_CREATOR_BOOST("new-creator-boost", 0.4),
    /** From the creator of the video being watched (the related list only). */
    SAME_CREATOR("same-creator", 0.3);

    private final String wireName;
    private final double prior;

    Signal(String wireName, double prior) {
        this.wireName = wireName;
        this.prior = prior;
    }

    /** The kebab-case name used on the wire, in settings and in translations ({@code why.<name>}). */
    public String wireName() {
        return wireName;
    }

    /** The weight the ranker starts from before it has learned anything. */
    public double prior() {
        return prior;
    }

    /** The signal with this wire name. */
    public static Optional<Signal> ofWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
