package org.pando.recommend.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a request reads of a viewer's state, copied while it holds the state's lock, so that the candidates are
 * gathered and scored without it: the thread applying events waits for that lock, and with it every viewer's events
 * behind it.
 *
 * @param valued the valued videos and their weights
 * @param newest the most recently valued videos, newest first, as many as the request's sources start from
 * @param taste  the viewer's iALS vector, null when not folded in (never changed in place: a new fold-in replaces it)
 */
record ViewerHistory(Map<String, Double> valued, List<String> newest, float[] taste) {
    /** Copies what a request needs; the caller holds {@code user}'s lock. */
    static ViewerHistory of(UserState user, int newest) {
        return new ViewerHistory(new HashMap<>(user.valued.weights()), List.copyOf(user.valued.newest(newest)), user.taste);
    }

    /** The {@code limit} most recently valued videos (at most those copied), newest first, with their weights. */
    Map<String, Double> newestValued(int limit) {
        Map<String, Double> seeds = new LinkedHashMap<>();
        newest.stream().limit(limit).forEach(v -> seeds.put(v, valued.get(v)));
        return seeds;
    }
}
