package org.pando.search;

import java.util.Arrays;
import java.util.Optional;

/** How long a video is, for the duration filter: short under 4 minutes, medium 4 to 20, long over 20. */
public enum DurationRange {
    SHORT("short", 0, 4 * 60_000L - 1),
    MEDIUM("medium", 4 * 60_000L, 20 * 60_000L),
    LONG("long", 20 * 60_000L + 1, Long.MAX_VALUE);

    private final String wireName;
    private final long fromMs;
    private final long toMs;

    DurationRange(String wireName, long fromMs, long toMs) {
        this.wireName = wireName;
        this.fromMs = fromMs;
        this.toMs = toMs;
    }

    /** The name used in the API. */
    public String wireName() {
        return wireName;
    }

    /** The shortest length in the range, in milliseconds. */
    long fromMs() {
        return fromMs;
    }

    /** The longest length in the range, in milliseconds. */
    long toMs() {
        return toMs;
    }

    /** The range with this name. */
    public static Optional<DurationRange> ofWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
