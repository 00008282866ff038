package org.pando.moderation;

import java.util.Locale;

/** Why a video was held for review. */
public enum HoldCause {
    /** A frame's NSFW score is above its threshold. */
    NSFW_SCORE,
    /** The analysis gave up before it could look at the pictures, so a person has to. */
    NOT_CHECKED;

    /** The lower-case, dashed name used by the API and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The cause with this wire name. */
    public static HoldCause ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
