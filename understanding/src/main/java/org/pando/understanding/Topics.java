package org.pando.understanding;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a video is about, read from its title, description and transcript.
 *
 * @param writtenLanguage the language its title and description are written in, when they say enough to tell
 * @param embedding       the sentence model's unit vector of title, description and transcript together;
 *                        empty when there are no words at all
 * @param suggestedTags   tags from the vocabulary closest to the video, best first
 */
public record Topics(Optional<String> writtenLanguage, float[] embedding, List<SuggestedTag> suggestedTags) {
    /** Nothing found: no words, or the step failed. */
    public static final Topics NONE = new Topics(Optional.empty(), new float[0], List.of());

    public Topics {
        embedding = embedding.clone();
        suggestedTags = List.copyOf(suggestedTags);
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Topics other && writtenLanguage.equals(other.writtenLanguage)
                && Arrays.equals(embedding, other.embedding) && suggestedTags.equals(other.suggestedTags);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * writtenLanguage.hashCode() + Arrays.hashCode(embedding)) + suggestedTags.hashCode();
    }

    @Override
    public String toString() {
        return "Topics[" + writtenLanguage.orElse("?") + ", " + embedding.length + " features, " + suggestedTags + "]";
    }
}
