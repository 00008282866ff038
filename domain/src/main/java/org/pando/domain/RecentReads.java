package org.pando.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values read by id through a cache that keeps each for a short while: feed pages and batches of events name the same
 * videos and channels again and again, and each mention should not cost a row read. The owner of the values
 * {@link #forget}s one after changing it, so that its own changes show at once; a change made elsewhere (another
 * process, another node) shows once the kept copy is {@code keep} old.
 *
 * @param <V> what is read
 */
public final class RecentReads<V> {
    private record Kept<V>(V value, long readAtNanos) {
    }

    private final Function<Collection<String>, Map<String, V>> reader;
    private final long keepNanos;
    private final int maxKept;
    private final LongSupplier nanos;
    private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();
    /** Counts {@link #forget} calls, so that a read which raced with a change does not keep what it read. */
    private final AtomicLong forgets = new AtomicLong();

    /**
     * @param reader  reads the values of the ids given that exist, by id, at once
     * @param keep    how long a value read is used again
     * @param maxKept most values kept; beyond it those kept too long go, or all of them
     * @param nanos   the time, as {@link System#nanoTime()} gives it
     */
    public RecentReads(Function<Collection<String>, Map<String, V>> reader, Duration keep, int maxKept, LongSupplier nanos) {
        this.reader = reader;
        this.keepNanos = keep.toNanos();
        this.maxKept = maxKept;
        this.nanos = nanos;
    }

    /** The values of these ids that exist, by id; those not kept, or kept too long, read at once. */
    public Map<String, V> find(Collection<String> ids) {
        long now = nanos.getAsLong();
        Map<String, V> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Kept<V> k = kept.get(id);
            if (k != null && now - k.readAtNanos() < keepNanos) {
                found.put(id, k.value());
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            long forgetsBefore = forgets.get();
            Map<String, V> read = reader.apply(missing);
            if (kept.size() + read.size() > maxKept) {
                makeRoom(now);
            }
            read.forEach((id, value) -> kept.put(id, new Kept<>(value, now)));
            // kept first, checked after: a change forgotten meanwhile either removed these or is seen here
            if (forgets.get() != forgetsBefore) {
                read.keySet().forEach(kept::remove);
            }
            found.putAll(read);
        }
        return found;
    }

    /**
     * Drops the copies kept too long; when those kept in time still fill three quarters of the room, drops them all, so
     * that the next reads do not each walk a full cache again.
     */
    private void makeRoom(long now) {
        kept.values().removeIf(k -> now - k.readAtNanos() >= keepNanos);
        if (kept.size() > maxKept * 3L / 4) {
            kept.clear();
        }
    }

    /** Drops the kept copy of {@code id}, after it changed: the next {@link #find} reads it again. */
    public void forget(String id) {
        forgets.incrementAndGet();
        kept.remove(id);
    }

    /** Drops every kept copy, after a change that could touch any of them. */
    public void forgetAll() {
        forgets.incrementAndGet();
        kept.clear();
    }
}
