package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pando.events.UserEvent;

/**
 * The videos one viewer valued and how much, as their events say: watching at least half of a video values it at the
 * share watched (finishing it at 1), a like adds 1 and taking it back takes 1 away, a share or a comment adds 1/2, and
 * "not interested" forgets it. Only the {@value #MAX} most recently valued are kept: what a viewer watches now says
 * the most. The engine keeps one per viewer and fits its taste models on all of them; an offline training job folds a
 * viewer's events, in the log's order, through one to fit the same models elsewhere. Not thread-safe.
 *
 * <pre>{@code
 * ValuedVideos valued = new ValuedVideos();
 * viewersEvents.forEach(valued::accept);
 * Map<String, Double> history = valued.weights();
 * }</pre>
 */
public final class ValuedVideos {
    /** Most valued videos kept per viewer. */
    public static final int MAX = 200;
    /** Least share of a video watched for the watching to value it. */
    static final double VALUED_RATIO = 0.5;

    /** What an event did to the valued videos. */
    public enum Change {
        /** Nothing. */
        NONE,
        /** A video not valued before now is. */
        ADDED,
        /** A valued video's weight changed (at 0 it is no longer valued). */
        CHANGED,
        /** The viewer said they are not interested: the video is forgotten. */
        REMOVED
    }

    private final LinkedHashMap<String, Double> weights = Bounded.newest(MAX);

    /** Applies one of the viewer's events. */
    public Change accept(UserEvent e) {
        String video = e.videoId();
        if (video.isEmpty()) {
            return Change.NONE;
        }
        return switch (e.type()) {
            case PROGRESS -> e.watchRatio() >= VALUED_RATIO ? atLeast(video, e.watchRatio()) : Change.NONE;
            case COMPLETE -> atLeast(video, 1.0);
            case NOT_INTERESTED -> weights.remove(video) == null ? Change.NONE : Change.REMOVED;
            case LIKE -> add(video, 1.0);
            case UNLIKE -> add(video, -1.0);
            case SHARE, COMMENT -> add(video, 0.5);
            default -> Change.NONE;
        };
    }

    /** Each valued video and its weight, the least recently valued first; a view that follows changes. */
    public Map<String, Double> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /** Whether no video is valued. */
    public boolean isEmpty() {
        return weights.isEmpty();
    }

    /** The most recently valued videos, newest first, at most {@code limit}. */
    List<String> newest(int limit) {
        List<String> all = new ArrayList<>(weights.keySet());
        Collections.reverse(all);
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** Adds what is valued in {@code other} (the same person under another id) to this. */
    void absorb(ValuedVideos other) {
        other.weights.forEach(this::add);
    }

    /** Forgets a video. */
    void remove(String video) {
        weights.remove(video);
    }

    void writeTo(DataOutput out) throws IOException {
        StateIO.writeWeights(out, weights);
    }

    void readFrom(DataInput in) throws IOException {
        StateIO.readWeights(in, weights);
    }

    /**
     * Adds weight to a video (a negative weight takes some back; at 0 the video is no longer valued); it moves to the
     * newest place.
     */
    private Change add(String video, double weight) {
        if (weight == 0) {
            return Change.NONE;
        }
        Double before = weights.remove(video);
        double after = (before == null ? 0 : before) + weight;
        if (after > 0) {
            weights.put(video, after);
        }
        return before == null && after > 0 ? Change.ADDED : Change.CHANGED;
    }

    /** Raises a video's weight to what was watched of it, never lowering what likes and shares added. */
    private Change atLeast(String video, double watched) {
        double before = weights.getOrDefault(video, 0.0);
        return watched > before ? add(video, watched - before) : Change.NONE;
    }
}
