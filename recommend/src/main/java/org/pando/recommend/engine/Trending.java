package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pando.events.UserEvent;

/**
 * What is completed, liked and shared lately, across the instance and per viewer country, from decayed
 * counters: a completion counts 1, a like or a share 2.
 */
final class Trending {
    private final Duration halfLife;
    private final DecayedCounters global;
    private final Map<String, DecayedCounters> byCountry = new ConcurrentHashMap<>();

    Trending(Duration halfLife) {
        this.halfLife = halfLife;
        this.global = new DecayedCounters(halfLife);
    }

    void accept(UserEvent e) {
        double weight = switch (e.type()) {
            case COMPLETE -> 1;
            case LIKE, SHARE -> 2;
            default -> 0;
        };
        if (weight == 0 || e.videoId().isEmpty()) {
            return;
        }
        global.add(e.videoId(), weight, e.at());
        e.country().ifPresent(c -> byCountry.computeIfAbsent(c, x -> new DecayedCounters(halfLife)).add(e.videoId(), weight, e.at()));
    }

    void writeTo(DataOutput out) throws IOException {
        global.writeTo(out);
        out.writeInt(byCountry.size());
        for (Map.Entry<String, DecayedCounters> e : byCountry.entrySet()) {
            out.writeUTF(e.getKey());
            e.getValue().writeTo(out);
        }
    }

    void readFrom(DataInput in) throws IOException {
        global.readFrom(in);
        for (int i = in.readInt(); i > 0; i--) {
            DecayedCounters counters = new DecayedCounters(halfLife);
            String country = in.readUTF();
            counters.readFrom(in);
            byCountry.put(country, counters);
        }
    }

    /** The most popular videos across the instance, with their decayed counts. */
    Map<String, Double> global(int limit, Instant now) {
        return asMap(global.top(limit, now));
    }

    /** The most popular videos among viewers from this country. */
    Map<String, Double> inCountry(String country, int limit, Instant now) {
        DecayedCounters counters = byCountry.get(country);
        return counters == null ? Map.of() : asMap(counters.top(limit, now));
    }

    double global(String videoId, Instant now) {
        return global.value(videoId, now);
    }

    double inCountry(String country, String videoId, Instant now) {
        DecayedCounters counters = byCountry.get(country);
        return counters == null ? 0 : counters.value(videoId, now);
    }

    private static Map<String, Double> asMap(List<Map.Entry<String, Double>> entries) {
        Map<String, Double> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
