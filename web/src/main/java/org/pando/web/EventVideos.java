package org.pando.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.pando.catalog.Video;
import org.pando.catalog.VideoService;

/**
 * The videos that batches of events name, read through a cache that keeps each for a few seconds: a player reports
 * on the same videos again and again, and a batch of a thousand events should not cost a thousand rows read. A video
 * hidden or removed meanwhile may receive events for those seconds, which only counts watching that happened.
 */
final class EventVideos {
    static final Duration KEEP = Duration.ofSeconds(5);
    /** Most videos kept; beyond it the cache starts over. */
    private static final int MAX_KEPT = 200_000;

    private record Kept(Video video, long readAtNanos) {
    }

    private final VideoService videos;
    private final LongSupplier nanos;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    EventVideos(VideoService videos, LongSupplier nanos) {
        this.videos = videos;
        this.nanos = nanos;
    }

    /** The videos of these ids that exist, by id; those not kept, or kept too long, read at once. */
    Map<String, Video> find(Set<String> ids) {
        long now = nanos.getAsLong();
        Map<String, Video> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Kept k = kept.get(id);
            if (k != null && now - k.readAtNanos() < KEEP.toNanos()) {
                found.put(id, k.video());
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Video> read = videos.findAll(missing);
            if (kept.size() + read.size() > MAX_KEPT) {
                kept.clear();
            }
            read.forEach((id, video) -> kept.put(id, new Kept(video, now)));
            found.putAll(read);
        }
        return found;
    }
}
