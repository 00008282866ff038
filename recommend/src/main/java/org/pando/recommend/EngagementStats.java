package org.pando.recommend;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.pando.events.LoggedEvent;

/**
 * Per-video counts of starts, completions and skips, kept up to date from the event stream.
 *
 * <pre>{@code
 * EngagementStats stats = new EngagementStats();
 * stream.subscribe(0, stats);
 * double rate = stats.completionRate("video-id");
 * }</pre>
 */
public final class EngagementStats implements Consumer<LoggedEvent> {
    private final Map<String, Counts> byVideo = new ConcurrentHashMap<>();

    @Override
    public void accept(LoggedEvent logged) {
        Counts counts = byVideo.computeIfAbsent(logged.event().videoId(), id -> new Counts());
        switch (logged.event().type()) {
            case PLAY -> counts.plays.increment();
            case COMPLETE -> counts.completes.increment();
            case SKIP -> counts.skips.increment();
            default -> {
                // other events do not move the baseline's counts
            }
        }
    }

    /**
     * Share of starts watched to the end, smoothed towards one half so that a video with one view is
     * neither perfect nor hopeless: (completions + 1) / (starts + 2).
     */
    public double completionRate(String videoId) {
        Counts counts = byVideo.get(videoId);
        if (counts == null) {
            return 0.5;
        }
        long completes = counts.completes.sum();
        long starts = Math.max(counts.plays.sum(), completes + counts.skips.sum());
        return (completes + 1.0) / (starts + 2.0);
    }

    /** How many times the video was started. */
    public long plays(String videoId) {
        Counts counts = byVideo.get(videoId);
        return counts == null ? 0 : counts.plays.sum();
    }

    private static final class Counts {
        final LongAdder plays = new LongAdder();
        final LongAdder completes = new LongAdder();
        final LongAdder skips = new LongAdder();
    }
}
