package org.pando.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pando.search.Videos.NOW;
import static org.pando.search.Videos.inLanguage;
import static org.pando.search.Videos.lasting;
import static org.pando.search.Videos.publishedAt;
import static org.pando.search.Videos.video;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.domain.InvalidInput;
import org.pando.domain.Page;

/** The language, duration and date filters, pages of answers, and the limits of a query. */
class SearchFiltersTest {
    private static final long MINUTE = 60_000;

    @TempDir
    static Path dir;

    private static VideoSearch search;

    private static final MemorySource SOURCE = new MemorySource().with(
            inLanguage(lasting(video("short-en", "Walk in the rain"), 3 * MINUTE + 59_000), "en"),
            inLanguage(lasting(video("medium-ko", "Rain walk 빗속 산책"), 4 * MINUTE), "ko"),
            inLanguage(lasting(video("medium-en", "Rain on the roof"), 20 * MINUTE), "en"),
            inLanguage(lasting(video("long-ja", "Rain sounds 雨の音"), 20 * MINUTE + 1), "ja"),
            publishedAt(video("old", "Rain of last year"), NOW.minus(Duration.ofDays(400))),
            publishedAt(video("month", "Rain of last month"), NOW.minus(Duration.ofDays(20))),
            publishedAt(video("week", "Rain of last week"), NOW.minus(Duration.ofDays(3))));

    /** A filter and the videos it leaves. */
    private record Case(String filter, UnaryOperator<SearchQuery> apply, List<String> found) {
    }

    private static final List<Case> CASES = List.of(
            new Case("language=ko", q -> q.inLanguage("ko"), List.of("medium-ko")),
            new Case("language=JA (any case)", q -> q.inLanguage("JA"), List.of("long-ja")),
            new Case("language=fr", q -> q.inLanguage("fr"), List.of()),
            new Case("duration=short (under 4 min)", q -> q.lasting(DurationRange.SHORT),
                    List.of("short-en", "old", "month", "week")),
            new Case("duration=medium (4 to 20 min)", q -> q.lasting(DurationRange.MEDIUM), List.of("medium-ko", "medium-en")),
            new Case("duration=long (over 20 min)", q -> q.lasting(DurationRange.LONG), List.of("long-ja")),
            new Case("date=week", q -> q.publishedWithin(PublishedWithin.WEEK),
                    List.of("short-en", "medium-ko", "medium-en", "long-ja", "week")),
            new Case("date=month", q -> q.publishedWithin(PublishedWithin.MONTH),
                    List.of("short-en", "medium-ko", "medium-en", "long-ja", "week", "month")),
            new Case("date=day", q -> q.publishedWithin(PublishedWithin.DAY),
                    List.of("short-en", "medium-ko", "medium-en", "long-ja")),
            new Case("date=year and duration=short", q -> q.publishedWithin(PublishedWithin.YEAR).lasting(DurationRange.SHORT),
                    List.of("short-en", "month", "week")));

    @BeforeAll
    static void index() {
        search = VideoSearch.open(dir, SOURCE, Clock.fixed(NOW, ZoneOffset.UTC));
        search.rebuild();
    }

    @AfterAll
    static void close() {
        search.close();
    }

    @Test
    void eachFilterLeavesTheVideosItDescribes() {
        for (Case c : CASES) {
            List<String> found = search.search(c.apply().apply(SearchQuery.of("rain"))).items().stream()
                    .map(SearchHit::videoId).toList();
            assertThat(found).as("videos about rain with %s", c.filter()).containsExactlyInAnyOrderElementsOf(c.found());
        }
    }

    @Test
    void pagesFollowTheRankingWithoutRepeatsUntilTheLast() {
        List<String> seen = new ArrayList<>();
        SearchQuery query = SearchQuery.of("rain").page(0, 3);
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            Page<SearchHit> page = search.search(query);
            sizes.add(page.items().size());
            page.items().forEach(h -> seen.add(h.videoId()));
            Optional<String> next = page.nextCursor();
            if (next.isEmpty()) {
                break;
            }
            query = query.page(SearchCursor.offset(next.get()), 3);
        }
        assertThat(sizes).as("page sizes").containsExactly(3, 3, 1);
        assertThat(seen).as("every rainy video once").doesNotHaveDuplicates().hasSize(7);
        assertThat(seen).as("the pages in the order of one ranking")
                .containsExactlyElementsOf(search.search(SearchQuery.of("rain").page(0, 10)).items().stream()
                        .map(SearchHit::videoId).toList());
    }

    @Test
    void aQueryOutsideItsLimitsIsRefusedWithTheFieldToFix() {
        assertThatThrownBy(() -> SearchQuery.of("   ")).as("a blank query").isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "q");
        assertThatThrownBy(() -> SearchQuery.of("a".repeat(201))).as("201 characters").isInstanceOf(InvalidInput.class)
                .hasMessageContaining("1 to 200");
        assertThat(SearchQuery.of("a".repeat(200)).text()).as("200 characters are fine").hasSize(200);
        assertThatThrownBy(() -> SearchQuery.of("rain").inLanguage("english")).as("a language name, not a code")
                .isInstanceOf(InvalidInput.class).hasFieldOrPropertyWithValue("field", "language");
        assertThatThrownBy(() -> SearchQuery.of("rain").page(1001, 10)).as("too deep").isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "offset");
        assertThatThrownBy(() -> SearchQuery.of("rain").page(0, 101)).as("too long a page").isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "limit");
        assertThatThrownBy(() -> SearchCursor.offset("bm90IG91cnM")).as("a cursor made elsewhere")
                .isInstanceOf(InvalidInput.class).hasFieldOrPropertyWithValue("field", "cursor");
        assertThat(search.search(SearchQuery.of("!!! ???")).items()).as("a query of punctuation alone finds nothing").isEmpty();
    }
}
