package org.pando.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, t -> t));

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return wireName;
    }

    /** The type with this wire name. */
    public static Optional<EventType> ofWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
