package org.pando.search;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How recently a video was published, for the date filter: within the last day, week, month or year. */
public enum PublishedWithin {
    DAY("day", Duration.ofDays(1)),
    WEEK("week", Duration.ofDays(7)),
    MONTH("month", Duration.ofDays(30)),
    YEAR("year", Duration.ofDays(365));

    private final String wireName;
    private final Duration age;

    PublishedWithin(String wireName, Duration age) {
        this.wireName = wireName;
        this.age = age;
    }

    /** The name used in the API. */
    public String wireName() {
        return wireName;
    }

    /** The oldest a video may be. */
    Duration age() {
        return age;
    }

    /** The period with this name. */
    public static Optional<PublishedWithin> ofWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
