package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicFinderTest {
    private static TextEmbedder embedder;
    private static TopicFinder finder;

    @BeforeAll
    static void load() {
        embedder = TextEmbedder.load();
        finder = new TopicFinder(embedder, WrittenLanguage.load(),
                () -> List.of("cooking", "football", "cars", "piano", "baking", "gardening"));
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void suggestsTheVocabularysClosestTagsBestFirst() {
        Topics topics = finder.find(new VideoText("Homemade pasta with tomato sauce",
                "My grandmother's recipe: fresh pasta dough, a slow tomato sauce and basil from the kitchen window.", Set.of()),
                new Transcript("und", List.of()));

        assertThat(topics.suggestedTags()).as("suggestions for a pasta recipe").isNotEmpty()
                .extracting(SuggestedTag::tag).startsWith("cooking").doesNotContain("football", "cars", "piano");
        assertThat(topics.suggestedTags()).extracting(SuggestedTag::similarity).as("best first").isSortedAccordingTo(
                (a, b) -> Double.compare(b, a));
        assertThat(topics.writtenLanguage()).contains("en");
    }

    @Test
    void neverSuggestsATagTheVideoHas() {
        VideoText kitchen = new VideoText("Baking bread and cooking pasta at home", "", Set.of());
        assertThat(finder.find(kitchen, new Transcript("und", List.of())).suggestedTags()).extracting(SuggestedTag::tag)
                .as("suggestions for a kitchen video without tags").startsWith("baking");

        Topics topics = finder.find(new VideoText(kitchen.title(), "", Set.of("baking")), new Transcript("und", List.of()));

        assertThat(topics.suggestedTags()).extracting(SuggestedTag::tag).as("suggestions for the same video tagged baking")
                .contains("cooking").doesNotContain("baking");
    }

    @Test
    void whatIsSaidCountsWhenNothingIsWritten() {
        Transcript said = new Transcript("en", List.of(new Word("the", 0, 0.2, 1), new Word("goalkeeper", 0.2, 0.8, 1),
                new Word("saved", 0.8, 1.1, 1), new Word("the", 1.1, 1.2, 1), new Word("penalty", 1.2, 1.7, 1)));

        Topics topics = finder.find(VideoText.NONE, said);

        assertThat(topics.suggestedTags()).extracting(SuggestedTag::tag).as("tags for a spoken football commentary")
                .startsWith("football");
        assertThat(topics.writtenLanguage()).as("nothing written").isEmpty();
    }

    @Test
    void noWordsNoEmbedding() {
        Topics topics = finder.find(VideoText.NONE, new Transcript("und", List.of()));

        assertThat(topics.embedding()).isEmpty();
        assertThat(topics.suggestedTags()).isEmpty();
    }
}
