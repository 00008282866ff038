package org.pando.events;

import java.util.Arrays;
import java.util.Optional;

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
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
