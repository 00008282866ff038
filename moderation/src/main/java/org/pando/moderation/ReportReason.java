package org.pando.moderation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The reasons a person may give for reporting a video or a comment. */
public enum ReportReason {
    SEXUAL_CONTENT,
    VIOLENCE,
    HARASSMENT,
    SPAM,
    OTHER;

    /** The lower-case, dashed name used by the API and the database, such as {@code sexual-content}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reason with this wire name, if there is one. */
    public static Optional<ReportReason> ofWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }

    /** Every wire name, in order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ReportReason::wireName).toList();
    }
}
