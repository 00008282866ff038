package org.pando.recommend.engine;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pando.recommend.Candidate;
import org.pando.recommend.CandidateSource;

/**
 * The published catalogue in memory, newest first, indexed by id, creator and country; reloaded whole from
 * the {@link CandidateSource} so deletions and edits show too. Readers get an immutable snapshot.
 */
final class CatalogMirror {
    private final CandidateSource source;
    private final int limit;
    private final Clock clock;
    private volatile Snapshot snapshot = Snapshot.of(List.of());

    CatalogMirror(CandidateSource source, int limit, Clock clock) {
        this.source = source;
        this.limit = limit;
        this.clock = clock;
    }

    /** Reloads the catalogue and returns the new snapshot. */
    Snapshot refresh() {
        Snapshot fresh = Snapshot.of(source.recent(clock.instant().plus(1, ChronoUnit.DAYS), limit));
        snapshot = fresh;
        return fresh;
    }

    Snapshot current() {
        return snapshot;
    }

    /**
     * The catalogue at one moment.
     *
     * @param newestFirst every video, newest first
     * @param byId        videos by id
     * @param byCreator   each creator's videos, newest first
     * @param byCountry   each country's videos, newest first
     */
    record Snapshot(
            List<Candidate> newestFirst, Map<String, Candidate> byId, Map<String, List<Candidate>> byCreator,
            Map<String, List<Candidate>> byCountry) {
        static Snapshot of(List<Candidate> newestFirst) {
            Map<String, Candidate> byId = new HashMap<>();
            Map<String, List<Candidate>> byCreator = new HashMap<>();
            Map<String, List<Candidate>> byCountry = new HashMap<>();
            for (Candidate c : newestFirst) {
                byId.put(c.videoId(), c);
                byCreator.computeIfAbsent(c.creatorId(), k -> new ArrayList<>()).add(c);
                c.country().ifPresent(country -> byCountry.computeIfAbsent(country, k -> new ArrayList<>()).add(c));
            }
            // a hash map, not Map.copyOf: its open addressing probes long runs when ids are numbered in sequence
            return new Snapshot(List.copyOf(newestFirst), Collections.unmodifiableMap(byId), Map.copyOf(byCreator),
                    Map.copyOf(byCountry));
        }

        int size() {
            return newestFirst.size();
        }
    }
}
