package org.pando.catalog;

import java.util.Locale;

/** Where a video is in its life. */
public enum VideoStatus {
    /** Uploaded; the ladder is being written. It may already be playable. */
    PROCESSING,
    /** Every rendition, the poster and the storyboard are written. */
    READY,
    /** Processing failed; the video carries a message for the uploader. */
    FAILED;

    /** The lower-case name used by the API and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this lower-case name. */
    public static VideoStatus ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
