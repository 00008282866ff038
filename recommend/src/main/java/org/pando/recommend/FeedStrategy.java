package org.pando.recommend;

import java.util.Arrays;
import java.util.Optional;

/** How the For You tab chooses, picked by the viewer. */
public enum FeedStrategy {
    /** Everything Pando knows about the viewer, under the exposure policy. */
    PERSONALISED("personalised"),
    /** Only followed creators, newest first. */
    FOLLOWING("following"),
    /** Videos from the viewer's country, ranked. */
    LOCAL("local"),
    /** New videos and small creators first, with stricter shares for the most watched. */
    FRESH_AND_FAIR("fresh-and-fair"),
    /** What is popular on the instance, with no use of the viewer's history or profile. */
    POPULAR("popular");

    private final String wireName;

    FeedStrategy(String wireName) {
        this.wireName = wireName;
    }

    /** The kebab-case name used on the wire and in storage. */
    public String wireName() {
        return wireName;
    }

    /** The strategy with this wire name. */
    public static Optional<FeedStrategy> ofWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
