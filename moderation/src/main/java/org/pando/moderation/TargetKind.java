package org.pando.moderation;

import java.util.Locale;

/** What a report or a review is about. */
public enum TargetKind {
    VIDEO,
    COMMENT;

    /** The lower-case name used by the API and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this lower-case name. */
    public static TargetKind ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
