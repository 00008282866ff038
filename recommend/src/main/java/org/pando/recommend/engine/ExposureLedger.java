package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.pando.learn.Gini;

/**
 * Who has been shown how much: impressions per video and per creator since the start (the base of the Gini
 * coefficients and of the new-video guarantee) and decayed over a day (the base of the top-1% share cap).
 */
final class ExposureLedger {
    private static final long TOP_REFRESH_MILLIS = 2000;

    private final Map<String, LongAdder> byVideo = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byCreator = new ConcurrentHashMap<>();
    private final DecayedCounters recent = new DecayedCounters(Duration.ofDays(1));
    private volatile TopShare top = new TopShare(Set.of(), 0, 0);

    void impression(String video, String creator, Instant at) {
        byVideo.computeIfAbsent(video, k -> new LongAdder()).increment();
        byCreator.computeIfAbsent(creator, k -> new LongAdder()).increment();
        recent.add(video, 1, at);
    }

    void writeTo(DataOutput out) throws IOException {
        StateIO.writeCounts(out, byVideo);
        StateIO.writeCounts(out, byCreator);
        recent.writeTo(out);
    }

    void readFrom(DataInput in) throws IOException {
        StateIO.readCounts(in, byVideo);
        StateIO.readCounts(in, byCreator);
        recent.readFrom(in);
    }

    /** Impressions of a video since the start. */
    long impressions(String video) {
        LongAdder count = byVideo.get(video);
        return count == null ? 0 : count.sum();
    }

    /** The Gini coefficient of impressions across creators that were shown at least once. */
    double creatorGini() {
        return Gini.of(byCreator.values().stream().mapToLong(LongAdder::sum).toArray());
    }

    /** The Gini coefficient of impressions across the catalogue's videos (never-shown ones count as 0). */
    double videoGini(int catalogSize) {
        long[] counts = new long[Math.max(catalogSize, byVideo.size())];
        int i = 0;
        for (LongAdder a : byVideo.values()) {
            counts[i++] = a.sum();
        }
        return Gini.of(counts);
    }

    /**
     * The top 1% of the catalogue's videos by recent impressions and the share of recent impressions they
     * took, recomputed at most every two seconds.
     */
    TopShare topShare(int catalogSize, Instant now) {
        TopShare current = top;
        long sinceComputed = now.toEpochMilli() - current.computedAtMillis();
        if (sinceComputed >= 0 && sinceComputed < TOP_REFRESH_MILLIS) {
            return current;
        }
        int n = Math.max(1, (int) Math.ceil(catalogSize * 0.01));
        List<Map.Entry<String, Double>> head = recent.top(n, now);
        double total = recent.total(now);
        double headSum = head.stream().mapToDouble(Map.Entry::getValue).sum();
        List<String> ids = new ArrayList<>(head.size());
        head.forEach(e -> ids.add(e.getKey()));
        current = new TopShare(Set.copyOf(ids), total == 0 ? 0 : headSum / total, now.toEpochMilli());
        top = current;
        return current;
    }

    /**
     * The most shown 1% of videos and their share of recent impressions.
     *
     * @param videos           the videos
     * @param share            their share, 0 to 1
     * @param computedAtMillis when it was computed
     */
    record TopShare(Set<String> videos, double share, long computedAtMillis) {
    }
}
