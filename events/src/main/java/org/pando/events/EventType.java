package org.pando.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person did. */
public enum EventType {
    /** A video was shown (in a feed slot, a list, a related rail). */
    IMPRESSION,
    /** Playback started. */
    PLAY,
    /** Periodic report of how much was watched so far. */
    PROGRESS,
    /** Watched to the end (or nearly). */
    COMPLETE,
    /** Left within the skip threshold. */
    SKIP,
    /** Asked to see less like this video. */
    NOT_INTERESTED,
    LIKE,
    UNLIKE,
    FOLLOW,
    SHARE,
    COMMENT;

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this wire name. */
    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
