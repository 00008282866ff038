package org.pando.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pando.search.Videos.inChannel;
import static org.pando.search.Videos.saying;
import static org.pando.search.Videos.video;
import static org.pando.search.Videos.withDescription;
import static org.pando.search.Videos.withTags;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.domain.Page;

/** What a query finds first, in English, Korean and Japanese, with typos, and where in a video it is said. */
class SearchRelevanceTest {
    @TempDir
    static Path dir;

    private static VideoSearch search;

    private static final MemorySource SOURCE = new MemorySource().with(
            withTags(video("kimchi-en", "How to make kimchi stew at home"), "cooking", "korean food"),
            withTags(video("kimchi-ko", "김치찌개 끓이는 법"), "요리", "한식"),
            video("seoul-ko", "서울 야경 드라이브"),
            video("tokyo-ja", "東京タワーの夜景"),
            video("kyoto-ja", "京都の紅葉を歩く"),
            withDescription(video("sourdough", "Sourdough bread for beginners"), "A slow loaf with a crisp crust."),
            video("rice", "Cooking rice in a pot"),
            video("pasta", "Pasta night with friends"),
            video("paste", "Paste your photos into a collage"),
            inChannel(video("harbour", "Morning boats"), "lisboa_walks", "Lisboa Walks"),
            saying(video("speech", "A famous inauguration"),
                    new TranscriptCue(0.5, 2.0, "and so my fellow americans"),
                    new TranscriptCue(2.1, 4.0, "ask not what your country can do for you"),
                    new TranscriptCue(4.6, 6.5, "ask what you can do together")));

    /** A query and the video it must find first. */
    private record Case(String query, String first, String why) {
    }

    private static final List<Case> FIRST = List.of(
            new Case("kimchi stew", "kimchi-en", "English words of a title"),
            new Case("Kimchi STEW", "kimchi-en", "letter case does not matter"),
            new Case("stews", "kimchi-en", "an English plural finds the singular (stemming)"),
            new Case("beginner", "sourdough", "a singular finds the plural"),
            new Case("cooked", "rice", "another form of a title's verb, before a tag with it"),
            new Case("crust", "sourdough", "a word of the description"),
            new Case("korean food", "kimchi-en", "a tag of two words"),
            new Case("김치찌개", "kimchi-ko", "a Korean word of a title"),
            new Case("김치찌개를", "kimchi-ko", "a Korean word with a particle glued on"),
            new Case("한식", "kimchi-ko", "a Korean tag"),
            new Case("야경", "seoul-ko", "a Korean word in the middle of a title"),
            new Case("東京タワー", "tokyo-ja", "Japanese, kanji and katakana"),
            new Case("東京 夜景", "tokyo-ja", "two Japanese words"),
            new Case("紅葉", "kyoto-ja", "a Japanese word inside a title written without spaces"),
            new Case("lisboa", "harbour", "the channel's display name"),
            new Case("lisboa_walks", "harbour", "the channel's handle"),
            new Case("fellow americans", "speech", "words said in the video, not written"));

    @BeforeAll
    static void index() {
        search = VideoSearch.open(dir, SOURCE, Clock.fixed(Videos.NOW, ZoneOffset.UTC));
        assertThat(search.rebuild()).as("videos written by the rebuild").isEqualTo(11);
    }

    @AfterAll
    static void close() {
        search.close();
    }

    private static List<String> ids(String query) {
        return search.search(SearchQuery.of(query)).items().stream().map(SearchHit::videoId).toList();
    }

    @Test
    void eachQueryFindsItsOwnVideoFirst() {
        for (Case c : FIRST) {
            assertThat(ids(c.query())).as("videos found for '%s' (%s)", c.query(), c.why()).first().isEqualTo(c.first());
        }
    }

    @Test
    void wordsOfOneLanguageDoNotFindAnotherLanguagesVideos() {
        assertThat(ids("東京")).as("Tokyo in kanji").containsExactly("tokyo-ja");
        assertThat(ids("서울")).as("Seoul in Hangul").containsExactly("seoul-ko");
        assertThat(ids("bread")).as("an English word").containsExactly("sourdough");
    }

    @Test
    void everyWordOfAShortQueryMustMatchButStopWordsNeedNot() {
        assertThat(ids("kimchi bread")).as("two words no one video has").isEmpty();
        assertThat(ids("the sourdough")).as("a stop word the title lacks").containsExactly("sourdough");
    }

    @Test
    void aWordWithATypoStillFindsTheTitleOrTagBelowExactMatches() {
        assertThat(ids("sourdugh")).as("one letter missing").containsExactly("sourdough");
        assertThat(ids("sourdoguh bread")).as("two letters swapped in a long word").containsExactly("sourdough");
        assertThat(ids("beginers")).as("a letter missing").containsExactly("sourdough");
        assertThat(ids("cookng")).as("a tag or title word with a letter missing").contains("rice", "kimchi-en");
        assertThat(ids("pasta")).as("the exact word first, then the word one letter away").containsExactly("pasta", "paste");
        assertThat(ids("put")).as("a word of three letters allows no typo ('pot' is in a title)").isEmpty();
    }

    @Test
    void aHitInsideWhatIsSaidReportsTheStartOfTheBestCaption() {
        Page<SearchHit> found = search.search(SearchQuery.of("country"));
        assertThat(found.items()).as("videos saying 'country'").singleElement().satisfies(hit -> {
            assertThat(hit.videoId()).isEqualTo("speech");
            assertThat(hit.said()).as("the moment it is said").hasValueSatisfying(said -> {
                assertThat(said.start()).as("start of the caption saying it").isEqualTo(2.1);
                assertThat(said.text()).isEqualTo("ask not what your country can do for you");
            });
        });
        assertThat(search.search(SearchQuery.of("together ask")).items().getFirst().said())
                .as("the caption with both words, not the one with one").map(SpokenMoment::start).contains(4.6);
        assertThat(search.search(SearchQuery.of("sourdough")).items().getFirst().said())
                .as("a video found by its title alone has no moment").isEmpty();
    }
}
