package org.pando.catalog;

import java.util.Locale;

/** What an upload became: a video, or an audio clip (sound without a picture, such as a podcast or a song). */
public enum VideoKind {
    /** Picture and, usually, sound: an HLS ladder with a poster and a storyboard. */
    VIDEO,
    /** Sound alone: AAC renditions with a waveform picture as the poster, and no storyboard. */
    AUDIO;

    /** The lower-case name used by the API and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this lower-case name. */
    public static VideoKind ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
