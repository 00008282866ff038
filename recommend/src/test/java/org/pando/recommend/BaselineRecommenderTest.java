package org.pando.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pando.events.EventType;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.events.UserEvent;

class BaselineRecommenderTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** A catalog held in a list: the candidate source's contract without a database. */
    private static final class ListedCandidates implements CandidateSource {
        final List<Candidate> videos = new ArrayList<>();
        final Map<String, List<String>> follows = new HashMap<>();

        @Override
        public List<Candidate> recent(Instant before, int limit) {
            return videos.stream().filter(c -> c.publishedAt().isBefore(before))
                    .sorted(Comparator.comparing(Candidate::publishedAt).reversed()).limit(limit).toList();
        }

        @Override
        public List<Candidate> fromCreators(List<String> creators, Instant before, String beforeId, int limit) {
            return recent(before.plusMillis(1), Integer.MAX_VALUE).stream().filter(c -> creators.contains(c.creatorId()))
                    .filter(c -> c.publishedAt().isBefore(before) || c.videoId().compareTo(beforeId) < 0).limit(limit).toList();
        }

        @Override
        public List<String> followedCreators(String accountId) {
            return follows.getOrDefault(accountId, List.of());
        }
    }

    private final ListedCandidates source = new ListedCandidates();
    private final EngagementStats stats = new EngagementStats();
    private final BaselineRecommender recommender = new BaselineRecommender(source, stats, Clock.fixed(NOW, ZoneOffset.UTC));

    private void video(String id, String creator, int hoursAgo, String country) {
        source.videos.add(new Candidate(id, creator, NOW.minusSeconds(hoursAgo * 3600L), 10_000, Optional.of(country), Optional.of("ko")));
    }

    private FeedPage page(Viewer viewer, Surface surface, Optional<String> cursor, int limit) {
        return recommender.recommend(new FeedRequest(viewer, surface, cursor, limit));
    }

    @Test
    void aWellFinishedVideoOutranksAFresherOneThatIsSkipped() {
        video("finished", "a", 10, "KR");
        video("skipped", "b", 9, "KR");
        long seq = 0;
        for (int i = 0; i < 20; i++) {
            stats.accept(new LoggedEvent(++seq, event(EventType.PLAY, "finished")));
            stats.accept(new LoggedEvent(++seq, event(EventType.COMPLETE, "finished")));
            stats.accept(new LoggedEvent(++seq, event(EventType.PLAY, "skipped")));
            stats.accept(new LoggedEvent(++seq, event(EventType.SKIP, "skipped")));
        }

        assertThat(page(Viewer.anonymous(), Surface.FOR_YOU, Optional.empty(), 10).videoIds()).containsExactly("finished", "skipped");
    }

    @Test
    void keepsAnyCreatorToTwoPlacesInTen() {
        for (int i = 0; i < 8; i++) {
            video("big-" + i, "big", i, "KR");
        }
        for (int i = 0; i < 10; i++) {
            video("small-" + i, "small-" + i, 20 + i, "KR");
        }
        List<String> first = page(Viewer.anonymous(), Surface.FOR_YOU, Optional.empty(), 10).videoIds();

        assertThat(first.stream().filter(id -> id.startsWith("big"))).as("the big creator's places in %s", first).hasSize(2);
    }

    @Test
    void pagesVisitEveryVideoOnceInTheFirstPagesOrder() {
        for (int i = 0; i < 7; i++) {
            video("v" + i, "c" + i, i, "KR");
        }
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            FeedPage page = page(Viewer.anonymous(), Surface.FOR_YOU, cursor, 3);
            seen.addAll(page.videoIds());
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(seen).as("pages of three").doesNotHaveDuplicates().hasSize(7)
                .isEqualTo(page(Viewer.anonymous(), Surface.FOR_YOU, Optional.empty(), 10).videoIds());
    }

    @Test
    void localIsTheViewersCountryAndFollowingIsTheirChannels() {
        video("seoul", "kr-creator", 1, "KR");
        video("recife", "br-creator", 1, "BR");
        source.follows.put("ana", List.of("br-creator"));
        Viewer ana = new Viewer(Optional.of("ana"), Optional.of("KR"), List.of("ko"));

        assertThat(page(ana, Surface.LOCAL, Optional.empty(), 10).videoIds()).containsExactly("seoul");
        assertThat(page(ana, Surface.FOLLOWING, Optional.empty(), 10).videoIds()).containsExactly("recife");
        assertThat(page(Viewer.anonymous(), Surface.FOLLOWING, Optional.empty(), 10).videoIds()).as("anonymous").isEmpty();
        assertThat(page(Viewer.anonymous(), Surface.LOCAL, Optional.empty(), 10).videoIds()).as("nothing known").isEmpty();
    }

    private static UserEvent event(EventType type, String video) {
        return new UserEvent(type, "u", video, "c", Surface.FOR_YOU, Optional.empty(), Optional.empty(), 0, 10_000, NOW);
    }
}
