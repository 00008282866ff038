package org.pando.jobs;

import java.util.Locale;

/** Where a job is in its life. */
public enum JobState {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** The lower-case name kept in storage. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
