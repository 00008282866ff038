package org.pando.recommend;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.pando.domain.InvalidInput;
import org.pando.domain.Keyset;

/**
 * The first ranking behind the feed: recent videos scored by freshness and smoothed completion rate, with
 * no creator allowed more than two places in any ten.
 *
 * <ul>
 *   <li>For You: every recent video.</li>
 *   <li>Local: recent videos from the viewer's country (or, without a country, in the viewer's first
 *   language).</li>
 *   <li>Following: the followed channels' videos, newest first.</li>
 * </ul>
 */
public final class BaselineRecommender implements Recommender {
    /** How many recent videos are ranked per request. */
    static final int POOL = 1000;
    static final int WINDOW = 10;
    static final int MAX_PER_CREATOR_IN_WINDOW = 2;
    private static final double HALF_LIFE_HOURS = 48;

    private final CandidateSource source;
    private final EngagementStats stats;
    private final Clock clock;

    public BaselineRecommender(CandidateSource source, EngagementStats stats, Clock clock) {
        this.source = source;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public FeedPage recommend(FeedRequest request) {
        return switch (request.surface()) {
            case FOLLOWING -> following(request);
            case LOCAL -> ranked(request, local(request.viewer()));
            default -> ranked(request, candidate -> true);
        };
    }

    private FeedPage following(FeedRequest request) {
        Optional<String> account = request.viewer().accountId();
        if (account.isEmpty()) {
            return new FeedPage(List.of(), Optional.empty());
        }
        List<String> creators = source.followedCreators(account.get());
        if (creators.isEmpty()) {
            return new FeedPage(List.of(), Optional.empty());
        }
        Keyset after = Keyset.from(request.cursor());
        List<Candidate> rows = source.fromCreators(creators, after.at(), after.id(), request.limit() + 1);
        List<Candidate> items = rows.subList(0, Math.min(rows.size(), request.limit()));
        Optional<String> next = rows.size() > request.limit()
                ? Optional.of(new Keyset(items.getLast().publishedAt(), items.getLast().videoId()).cursor())
                : Optional.empty();
        return new FeedPage(items.stream().map(Candidate::videoId).toList(), next);
    }

    private static Predicate<Candidate> local(Viewer viewer) {
        if (viewer.country().isPresent()) {
            String country = viewer.country().get();
            return candidate -> candidate.country().filter(country::equals).isPresent();
        }
        if (!viewer.languages().isEmpty()) {
            String language = viewer.languages().getFirst();
            return candidate -> candidate.language().filter(language::equals).isPresent();
        }
        return candidate -> false;
    }

    /**
     * Ranks as of the first page's time, which the cursor carries, so later pages continue the same order:
     * nothing repeats and nothing is skipped while scores drift with the clock.
     */
    private FeedPage ranked(FeedRequest request, Predicate<Candidate> eligible) {
        RankedPosition position = request.cursor().map(RankedPosition::parse)
                .orElseGet(() -> new RankedPosition(0, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        Instant asOf = position.asOf();
        List<Candidate> pool = source.recent(asOf.plusMillis(1), POOL).stream().filter(eligible).toList();
        List<Candidate> ordered = spreadCreators(pool.stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> -score(c, asOf)).thenComparing(Candidate::videoId))
                .toList());
        int offset = position.offset();
        int end = Math.min(ordered.size(), offset + request.limit());
        List<String> ids = offset >= end ? List.of() : ordered.subList(offset, end).stream().map(Candidate::videoId).toList();
        Optional<String> next = end < ordered.size() ? Optional.of(new RankedPosition(end, asOf).cursor()) : Optional.empty();
        return new FeedPage(ids, next);
    }

    double score(Candidate candidate, Instant now) {
        double ageHours = Math.max(0, Duration.between(candidate.publishedAt(), now).toMinutes() / 60.0);
        double freshness = Math.pow(0.5, ageHours / HALF_LIFE_HOURS);
        return 0.6 * freshness + 0.4 * stats.completionRate(candidate.videoId());
    }

    /** Reorders so that no creator has more than two places in any window of ten, keeping the order otherwise. */
    static List<Candidate> spreadCreators(List<Candidate> ranked) {
        List<Candidate> result = new ArrayList<>(ranked.size());
        LinkedList<Candidate> waiting = new LinkedList<>(ranked);
        while (!waiting.isEmpty()) {
            Map<String, Integer> inWindow = new HashMap<>();
            int windowStart = result.size() - result.size() % WINDOW;
            for (Candidate placed : result.subList(windowStart, result.size())) {
                inWindow.merge(placed.creatorId(), 1, Integer::sum);
            }
            Candidate pick = waiting.stream()
                    .filter(c -> inWindow.getOrDefault(c.creatorId(), 0) < MAX_PER_CREATOR_IN_WINDOW)
                    .findFirst()
                    .orElse(waiting.getFirst());
            waiting.remove(pick);
            result.add(pick);
        }
        return result;
    }

    /** A position in a ranked feed: how many were shown, and the time the ranking was made for. */
    record RankedPosition(int offset, Instant asOf) {
        static RankedPosition parse(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                if (parts.length != 3 || !"r".equals(parts[0])) {
                    throw new IllegalArgumentException(cursor);
                }
                return new RankedPosition(Math.max(0, Integer.parseInt(parts[1])), Instant.ofEpochMilli(Long.parseLong(parts[2])));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("cursor", "The cursor is not one this feed gave out; start again without it.");
            }
        }

        String cursor() {
            String raw = "r:" + offset + ":" + asOf.toEpochMilli();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }
    }
}
