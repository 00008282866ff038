package org.pando.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of videos recently found published, each remembered for a while. Only published answers are kept: a
 * video that is not public is always looked up afresh, so its owner and moderators are checked every time. When
 * more ids are remembered than allowed, all are forgotten at once, which costs only database reads.
 */
final class RecentlyPublished {
    private final long forNanos;
    private final int max;
    private final Map<String, Long> until = new ConcurrentHashMap<>();

    RecentlyPublished(Duration remembered, int max) {
        this.forNanos = remembered.toNanos();
        this.max = max;
    }

    /** Whether the video was found published less than the remembered time ago. */
    boolean contains(String videoId) {
        Long deadline = until.get(videoId);
        if (deadline == null) {
            return false;
        }
        if (System.nanoTime() - deadline >= 0) {
            until.remove(videoId, deadline);
            return false;
        }
        return true;
    }

    /** Remembers that the video was just found published. */
    void remember(String videoId) {
        if (until.size() >= max) {
            until.clear();
        }
        until.put(videoId, System.nanoTime() + forNanos);
    }
}
