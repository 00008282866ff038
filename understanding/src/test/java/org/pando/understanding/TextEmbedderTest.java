package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sentence model as Pando runs it (its own tokenizer, pooling and windows) against the library that ships
 * the model, which uses the Hugging Face tokenizer: the same pieces, the same vectors.
 */
class TextEmbedderTest {
    private static final List<String> TEXTS = List.of(
            "And so, my fellow Americans: ask not what your country can do for you, ask what you can do for your country.",
            "Crème brûlée — the café's “best” dessert!!! (5 min, 200°C)",
            "How to make kimchi 김치 만들기 and 寿司 at home #cooking",
            "unbelievably-long-hyphenated_words, e-mail addresses like someone@example.org and URLs https://example.org/a?b=c",
            "Ünïcödé TÉXT with ÀCCENTS",
            "");

    private static TextEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = TextEmbedder.load();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void cutsTextIntoTheSamePiecesAsTheHuggingFaceTokenizer() throws Exception {
        WordPieceTokenizer ours;
        try (InputStream json = getClass().getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            ours = WordPieceTokenizer.fromTokenizerJson(json);
        }
        try (InputStream json = getClass().getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json");
                HuggingFaceTokenizer reference = HuggingFaceTokenizer.newInstance(json, java.util.Map.of(
                        "addSpecialTokens", "false", "truncation", "false", "padding", "false"))) {
            for (String text : TEXTS) {
                long[] expected = reference.encode(text).getIds();
                List<Integer> actual = ours.ids(text);
                assertThat(actual.stream().mapToLong(Integer::longValue).toArray())
                        .as("pieces of \"%s\"", text)
                        .containsExactly(expected);
            }
        }
    }

    @Test
    void embedsAsTheLibraryThatShipsTheModel() {
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : TEXTS.subList(0, TEXTS.size() - 1)) {
            float[] expected = reference.embed(text).content().vector();
            float[] actual = embedder.embed(text);
            assertThat(TextEmbedder.dot(expected, actual))
                    .as("cosine between the reference and Pando's embedding of \"%s\"", text)
                    .isGreaterThan(0.999);
        }
    }

    @Test
    void unitLengthForTextAndZeroForNoWords() {
        float[] vector = embedder.embed("A walk through the old town at night");
        assertThat(vector).hasSize(TextEmbedder.DIMENSIONS);
        assertThat(TextEmbedder.dot(vector, vector)).as("squared length").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(embedder.embed("  \t ")).as("a text without words").containsOnly(0f);
    }

    @Test
    void textsAboutTheSameThingAreCloserThanTextsAboutOthers() {
        float[] pasta = embedder.embed("Cooking fresh pasta with tomato sauce in my kitchen");
        float[] recipe = embedder.embed("An easy recipe for homemade spaghetti dinner");
        float[] football = embedder.embed("Highlights of last night's football match and the winning goal");
        assertThat(TextEmbedder.dot(pasta, recipe))
                .as("pasta/recipe similarity against pasta/football")
                .isGreaterThan(TextEmbedder.dot(pasta, football) + 0.2);
    }

    @Test
    void readsLongTextInWindowsThatAllCount() {
        String sentence = "The river flows past the mill and the bakery in the valley. ";
        String cooking = "Now we knead the dough and bake the bread in a hot oven. ";
        String longText = sentence.repeat(40) + cooking.repeat(40);
        assertThat(new WordPieceTokenizer(java.util.Map.of("[UNK]", 0, "[CLS]", 1, "[SEP]", 2)).ids(longText))
                .as("tokens of the long text, more than one window")
                .hasSizeGreaterThan(TextEmbedder.WINDOW);
        float[] whole = embedder.embed(longText);
        float[] firstHalfOnly = embedder.embed(sentence.repeat(40));
        float[] bread = embedder.embed("Baking bread in the oven");
        assertThat(TextEmbedder.dot(whole, bread))
                .as("the second half of a long text is read too")
                .isGreaterThan(TextEmbedder.dot(firstHalfOnly, bread));
        assertThat(Arrays.equals(whole, firstHalfOnly)).isFalse();
    }
}
