package org.pando.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what a video is about: the language of what its creator wrote, one embedding of everything written
 * and said, and the vocabulary's tags closest to that embedding (those near the best one, above a floor). Tags' embeddings are kept once computed.
 * Thread-safe; the caller closes the embedder.
 */
final class TopicFinder {
    /** Most tags suggested for one video. */
    static final int MAX_SUGGESTIONS = 5;
    /**
     * Least cosine between a tag and a video for the tag to be suggested. A one-word tag against a whole text
     * rarely scores above 0.4 even when it names the topic; below this floor the sentence model finds the two
     * about as related as unrelated texts are.
     */
    static final double MIN_SIMILARITY = 0.15;
    /** How far below the best tag's cosine another tag may score and still be suggested with it. */
    static final double MAX_BEHIND_BEST = 0.1;
    /** Tags' embeddings kept at most, so that a vocabulary that keeps growing cannot fill the heap. */
    private static final int MAX_REMEMBERED_TAGS = 50_000;

    private final TextEmbedder embedder;
    private final WrittenLanguage languages;
    private final TagVocabulary vocabulary;
    private final Map<String, float[]> tagEmbeddings = new ConcurrentHashMap<>();

    TopicFinder(TextEmbedder embedder, WrittenLanguage languages, TagVocabulary vocabulary) {
        this.embedder = embedder;
        this.languages = languages;
        this.vocabulary = vocabulary;
    }

    Topics find(VideoText text, Transcript transcript) {
        Optional<String> written = languages.of(text.written());
        String said = transcript.text();
        // The tags are a set: sorted, so the same video always gives the same sentence and the same embedding.
        String tags = String.join(" ", text.tags().stream().sorted().toList());
        String all = String.join("\n", text.title().strip(), text.description().strip(), tags, said).strip();
        if (all.isEmpty()) {
            return new Topics(written, new float[0], List.of());
        }
        float[] about = embedder.embed(all);
        return new Topics(written, about, suggest(about, text));
    }

    private List<SuggestedTag> suggest(float[] about, VideoText text) {
        List<SuggestedTag> ranked = new ArrayList<>();
        for (String tag : vocabulary.tags()) {
            if (text.tags().contains(tag)) {
                continue;
            }
            double similarity = TextEmbedder.dot(about, tagEmbedding(tag));
            if (similarity >= MIN_SIMILARITY) {
                ranked.add(new SuggestedTag(tag, Math.round(similarity * 1000) / 1000.0));
            }
        }
        ranked.sort(Comparator.comparingDouble(SuggestedTag::similarity).reversed().thenComparing(SuggestedTag::tag));
        double best = ranked.isEmpty() ? 0 : ranked.getFirst().similarity();
        return ranked.stream().filter(t -> t.similarity() >= best - MAX_BEHIND_BEST).limit(MAX_SUGGESTIONS).toList();
    }

    private float[] tagEmbedding(String tag) {
        float[] known = tagEmbeddings.get(tag);
        if (known != null) {
            return known;
        }
        float[] computed = embedder.embed(tag);
        if (tagEmbeddings.size() < MAX_REMEMBERED_TAGS) {
            tagEmbeddings.put(tag, computed);
        }
        return computed;
    }
}
