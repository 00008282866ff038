package org.pando.moderation;

import java.util.Locale;
import java.util.Optional;

/** A moderator's decision on a video or a comment. */
public enum Verdict {
    /** The video is published (or stays so); the comment stays. */
    APPROVE,
    /** The video is hidden from everyone but its creator and moderators; the comment is removed. */
    REJECT;

    /** The lower-case name used by the API and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict with this lower-case name, if there is one. */
    public static Optional<Verdict> ofWireName(String name) {
        for (Verdict verdict : values()) {
            if (verdict.wireName().equals(name)) {
                return Optional.of(verdict);
            }
        }
        return Optional.empty();
    }
}
