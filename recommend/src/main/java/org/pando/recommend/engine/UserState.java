package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine knows of one viewer, changed by each of their events: the videos they valued and how much,
 * the ones seen (finished, skipped) and rejected ("not interested"), their taste vector, the view in progress,
 * the features of videos recently shown to them (to learn from how each view ends) and today's For You
 * impressions per creator. Callers synchronise on the instance.
 */
final class UserState {
    /** A {@link #tasteVersion} no fit has: the taste is folded again when next read. */
    static final long STALE = -1;
    private static final int MAX_HIDDEN = 5000;
    private static final int MAX_SERVED = 500;

    /** Valued videos and their weight. */
    final ValuedVideos valued = new ValuedVideos();
    /** Videos finished or skipped: shown again only after everything unseen. */
    final Set<String> seen = Collections.newSetFromMap(Bounded.newest(MAX_HIDDEN));
    /** Videos the viewer said they are not interested in: never shown again. */
    final Set<String> rejected = Collections.newSetFromMap(Bounded.newest(MAX_HIDDEN));
    /** Features each recently shown video was ranked with, kept until its view ends. */
    final LinkedHashMap<String, double[]> served = Bounded.newest(MAX_SERVED);

    /** The taste vector: null before any fit; folded again when read after {@link #tasteChanged()}. */
    float[] taste;
    /** The version of the taste models {@link #taste} was folded against; {@link #STALE} when valued videos changed since. */
    long tasteVersion = STALE;

    String watching;
    long watchedMs;
    long watchingDurationMs;

    private LocalDate day;
    private final Map<String, Integer> creatorImpressionsToday = new HashMap<>();
    private int impressionsToday;

    /**
     * Takes in what was known of the same person under another id (a visitor who signed up): their valued videos,
     * seen and rejected ones. The taste vector is folded again when next read.
     */
    void absorb(UserState other) {
        valued.absorb(other.valued);
        seen.addAll(other.seen);
        rejected.addAll(other.rejected);
        rejected.forEach(valued::remove);
        tasteChanged();
    }

    /**
     * Says that the valued videos changed. The taste vector is folded again when a feed reads it, not on each event: a
     * burst of a viewer's events costs one solve, and a viewer who asks for no feed none.
     */
    void tasteChanged() {
        tasteVersion = STALE;
    }

    /**
     * Writes what is known of the viewer, in the order it is held; the taste vector is not written, since it is
     * folded again against the models refitted after a restart.
     */
    void writeTo(DataOutput out) throws IOException {
        valued.writeTo(out);
        StateIO.writeIds(out, seen);
        StateIO.writeIds(out, rejected);
        out.writeInt(served.size());
        for (Map.Entry<String, double[]> e : served.entrySet()) {
            out.writeUTF(e.getKey());
            StateIO.writeDoubles(out, e.getValue());
        }
        out.writeBoolean(watching != null);
        if (watching != null) {
            out.writeUTF(watching);
            out.writeLong(watchedMs);
            out.writeLong(watchingDurationMs);
        }
        out.writeLong(day == null ? Long.MIN_VALUE : day.toEpochDay());
        out.writeInt(impressionsToday);
        out.writeInt(creatorImpressionsToday.size());
        for (Map.Entry<String, Integer> e : creatorImpressionsToday.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    /** Reads what {@link #writeTo} wrote into this empty state. */
    void readFrom(DataInput in) throws IOException {
        valued.readFrom(in);
        StateIO.readIds(in, seen);
        StateIO.readIds(in, rejected);
        for (int i = in.readInt(); i > 0; i--) {
            String video = in.readUTF();
            served.put(video, StateIO.readDoubles(in));
        }
        if (in.readBoolean()) {
            watching = in.readUTF();
            watchedMs = in.readLong();
            watchingDurationMs = in.readLong();
        }
        long epochDay = in.readLong();
        day = epochDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(epochDay);
        impressionsToday = in.readInt();
        for (int i = in.readInt(); i > 0; i--) {
            String creator = in.readUTF();
            creatorImpressionsToday.put(creator, in.readInt());
        }
    }

    /** A For You impression of a creator's video today. */
    void countImpression(String creator, LocalDate today) {
        rollDay(today);
        creatorImpressionsToday.merge(creator, 1, Integer::sum);
        impressionsToday++;
    }

    int creatorImpressionsToday(String creator, LocalDate today) {
        rollDay(today);
        return creatorImpressionsToday.getOrDefault(creator, 0);
    }

    int impressionsToday(LocalDate today) {
        rollDay(today);
        return impressionsToday;
    }

    /** Starts a view, returning the one it ends, if any. */
    Optional<View> startView(String video, long durationMs) {
        Optional<View> ended = endView();
        watching = video;
        watchedMs = 0;
        watchingDurationMs = durationMs;
        return ended;
    }

    /** Ends the view in progress, if any. */
    Optional<View> endView() {
        if (watching == null) {
            return Optional.empty();
        }
        View view = new View(watching, watchedMs, watchingDurationMs);
        watching = null;
        return Optional.of(view);
    }

    private void rollDay(LocalDate today) {
        if (!today.equals(day)) {
            day = today;
            creatorImpressionsToday.clear();
            impressionsToday = 0;
        }
    }

    /** A finished view: how much of which video. */
    record View(String video, long watchedMs, long durationMs) {
    }
}
