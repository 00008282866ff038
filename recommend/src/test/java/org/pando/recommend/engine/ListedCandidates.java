package org.pando.recommend.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pando.recommend.Candidate;
import org.pando.recommend.CandidateSource;

/** A catalog held in a list: the candidate source's contract without a database. */
final class ListedCandidates implements CandidateSource {
    final List<Candidate> videos = new ArrayList<>();
    final Map<String, List<String>> follows = new HashMap<>();
    /** The threads that asked for an account's followed creators, in order. */
    final List<Thread> followsReadBy = new CopyOnWriteArrayList<>();

    @Override
    public List<Candidate> recent(Instant before, int limit) {
        return videos.stream().filter(c -> c.publishedAt().isBefore(before))
                .sorted(Comparator.comparing(Candidate::publishedAt).reversed().thenComparing(Candidate::videoId))
                .limit(limit).toList();
    }

    @Override
    public List<Candidate> fromCreators(List<String> creators, Instant before, String beforeId, int limit) {
        return recent(before.plusMillis(1), Integer.MAX_VALUE).stream().filter(c -> creators.contains(c.creatorId()))
                .filter(c -> c.publishedAt().isBefore(before) || c.videoId().compareTo(beforeId) < 0).limit(limit).toList();
    }

    @Override
    public List<String> followedCreators(String accountId) {
        followsReadBy.add(Thread.currentThread());
        return follows.getOrDefault(accountId, List.of());
    }
}
