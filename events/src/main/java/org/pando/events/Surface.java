package org.pando.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where in Pando an event happened; the key of traffic-source statistics. */
public enum Surface {
    FOR_YOU("for-you"),
    FOLLOWING("following"),
    LOCAL("local"),
    RELATED("related"),
    SEARCH("search"),
    CHANNEL("channel"),
    /** Outside Pando: an embed or a shared link. */
    EXTERNAL("external");

    private static final Map<String, Surface> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Surface::wireName, s -> s));

    private final String wireName;

    Surface(String wireName) {
        this.wireName = wireName;
    }

    /** The kebab-case name used on the wire and in storage. */
    public String wireName() {
        return wireName;
    }

    /** The surface with this wire name. */
    public static Optional<Surface> ofWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
