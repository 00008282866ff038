package org.pando.recommend.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pando.recommend.ContentIndex.Match;

/**
 * Item-to-item co-occurrence (ItemKNN) kept up to date one event at a time: when a viewer values a video,
 * it is paired with the videos that viewer valued before. Similarity is the shrunk cosine
 * {@code c(a,b) / (√(n(a)·n(b)) + shrink)}. Each video keeps at most {@code maxNeighbours} partners.
 */
final class CoWatch {
    private final float shrink;
    private final int maxNeighbours;
    private final Map<String, Map<String, Float>> pairs = new ConcurrentHashMap<>();
    private final Map<String, Float> counts = new ConcurrentHashMap<>();

    CoWatch(float shrink, int maxNeighbours) {
        this.shrink = shrink;
        this.maxNeighbours = maxNeighbours;
    }

    /** Records that a viewer who valued {@code earlier} (it may list {@code video} too) now values {@code video}. */
    void add(Collection<String> earlier, String video) {
        counts.merge(video, 1f, Float::sum);
        for (String other : earlier) {
            if (!other.equals(video)) {
                pair(video, other);
                pair(other, video);
            }
        }
    }

    private void pair(String a, String b) {
        Map<String, Float> neighbours = pairs.computeIfAbsent(a, k -> new ConcurrentHashMap<>());
        if (neighbours.containsKey(b) || neighbours.size() < maxNeighbours) {
            neighbours.merge(b, 1f, Float::sum);
        }
    }

    /** The shrunk cosine similarity of two videos, 0 when never valued together. */
    double similarity(String a, String b) {
        Map<String, Float> neighbours = pairs.get(a);
        Float together = neighbours == null ? null : neighbours.get(b);
        if (together == null) {
            return 0;
        }
        return together / (Math.sqrt(counts.getOrDefault(a, 1f) * counts.getOrDefault(b, 1f)) + shrink);
    }

    /**
     * Videos valued together with the viewer's, scored by the weighted sum of similarities, each with the
     * history video that contributes most.
     */
    Map<String, Match> forHistory(Map<String, Double> history, int limit) {
        Map<String, double[]> sums = new HashMap<>();
        Map<String, String> because = new HashMap<>();
        Map<String, Double> best = new HashMap<>();
        history.forEach((seed, weight) -> {
            Map<String, Float> neighbours = pairs.get(seed);
            if (neighbours == null) {
                return;
            }
            neighbours.keySet().forEach(candidate -> {
                if (history.containsKey(candidate)) {
                    return;
                }
                double part = weight * similarity(seed, candidate);
                sums.computeIfAbsent(candidate, k -> new double[1])[0] += part;
                if (part > best.getOrDefault(candidate, 0.0)) {
                    best.put(candidate, part);
                    because.put(candidate, seed);
                }
            });
        });
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(sums.entrySet());
        ranked.sort((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0]));
        Map<String, Match> top = new HashMap<>();
        for (Map.Entry<String, double[]> e : ranked.subList(0, Math.min(limit, ranked.size()))) {
            top.put(e.getKey(), new Match(e.getValue()[0], because.get(e.getKey())));
        }
        return top;
    }
}
