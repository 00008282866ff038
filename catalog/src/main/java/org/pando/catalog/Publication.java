package org.pando.catalog;

import java.util.Locale;

/**
 * Whether people other than the creator may see a video, apart from its processing. A new video waits in
 * {@link #CHECKING} until the look at its pictures finds nothing to hold it for; a held video waits for a
 * moderator, who approves or rejects it.
 */
public enum Publication {
    /** Its pictures have not been checked yet; only the creator sees it. */
    CHECKING,
    /** The check found nothing to hold it for: everyone sees it once it is ready. */
    PUBLISHED,
    /** Held for review: only the creator and moderators see it until a moderator decides. */
    HELD,
    /** A moderator approved it: everyone sees it, and a new check does not hold it again. */
    APPROVED,
    /** A moderator rejected it: only the creator (who sees the moderator's note) and moderators see it. */
    REJECTED;

    /** Whether everyone may see the video (once it is ready). */
    public boolean isPublic() {
        return this == PUBLISHED || this == APPROVED;
    }

    /** Whether the automatic check may still hold it: a moderator's decision is not undone by a machine. */
    public boolean screenable() {
        return this == CHECKING || this == PUBLISHED;
    }

    /** Whether a moderator holds it or decided it: the only videos whose creator may be told a review's outcome. */
    public boolean moderated() {
        return this == HELD || this == APPROVED || this == REJECTED;
    }

    /** The lower-case name used by the API and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The publication with this lower-case name. */
    public static Publication ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
