package org.pando.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pando.search.Videos.video;
import static org.pando.search.Videos.withTags;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Titles and tags that complete what is being typed. */
class SuggestionsTest {
    @TempDir
    static Path dir;

    private static VideoSearch search;

    private static final MemorySource SOURCE = new MemorySource().with(
            withTags(video("stew", "How to make kimchi stew at home"), "kimchi", "cooking"),
            withTags(video("fried", "Kimchi fried rice"), "kimchi", "rice"),
            withTags(video("ko", "김치찌개 끓이는 법"), "요리"),
            video("ja", "東京タワーの夜景"),
            video("kitchen", "A tour of my kitchen"));

    @BeforeAll
    static void index() {
        SOURCE.with(IntStream.range(0, 12).mapToObj(i -> video("cat" + i, "Cat video number " + i)).toArray(SearchableVideo[]::new));
        search = VideoSearch.open(dir, SOURCE, Clock.systemUTC());
        search.rebuild();
    }

    @AfterAll
    static void close() {
        search.close();
    }

    private static List<String> texts(String typed) {
        return search.suggest(typed).stream().map(Suggestion::text).toList();
    }

    @Test
    void completesTheLastWordFromTitlesAndTagsTheMostUsedFirst() {
        assertThat(search.suggest("kim")).as("suggestions for 'kim'").first()
                .isEqualTo(new Suggestion("kimchi", Suggestion.Kind.TAG));
        assertThat(texts("kim")).as("suggestions for 'kim'")
                .containsExactlyInAnyOrder("kimchi", "Kimchi fried rice", "How to make kimchi stew at home");
        assertThat(texts("ki")).as("suggestions for 'ki'").contains("A tour of my kitchen", "kimchi");
        assertThat(texts("kimchi fr")).as("the finished words must be there too").containsExactly("Kimchi fried rice");
        assertThat(texts("kimchi ")).as("after a space, what has the finished word")
                .containsExactlyInAnyOrder("kimchi", "Kimchi fried rice", "How to make kimchi stew at home");
    }

    @Test
    void completesKoreanAndJapanese() {
        assertThat(texts("김치")).as("the start of a Korean word").containsExactly("김치찌개 끓이는 법");
        assertThat(texts("東京タ")).as("Japanese typed without spaces").containsExactly("東京タワーの夜景");
    }

    @Test
    void givesAtMostEightAndNothingForNothing() {
        assertThat(texts("cat")).as("twelve cat videos").hasSize(Completions.MAX);
        assertThat(texts("zebra")).as("a word no title or tag has").isEmpty();
        assertThat(texts("  ")).as("spaces").isEmpty();
    }

    @Test
    void neverSuggestsAVideoThatMayNoLongerBeFound() {
        SOURCE.remove("fried");
        try {
            assertThat(texts("kimchi fr")).as("the video's title once it may not be found, before the index knows")
                    .isEmpty();
        } finally {
            SOURCE.with(withTags(video("fried", "Kimchi fried rice"), "kimchi", "rice"));
        }
    }
}
