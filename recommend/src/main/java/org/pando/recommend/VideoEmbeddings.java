package org.pando.recommend;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/** Where the content index reads the embeddings media understanding found for each video. */
@FunctionalInterface
public interface VideoEmbeddings {
    /** Nothing is ever known: content is matched by text alone. */
    VideoEmbeddings NONE = videoIds -> Map.of();

    /** The embeddings of those of the videos that have been analysed, by video id. */
    Map<String, Embeddings> of(Collection<String> videoIds);

    /**
     * A video as vectors; either may be empty.
     *
     * @param text  the sentence embedding of its title, description and transcript (a unit vector)
     * @param image the mean image embedding of its frames
     */
    record Embeddings(float[] text, float[] image) {
        public Embeddings {
            text = text.clone();
            image = image.clone();
        }

        @Override
        public float[] text() {
            return text.clone();
        }

        @Override
        public float[] image() {
            return image.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Embeddings other && Arrays.equals(text, other.text)
                    && Arrays.equals(image, other.image);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(text) + Arrays.hashCode(image);
        }

        @Override
        public String toString() {
            return "Embeddings[text " + text.length + ", image " + image.length + "]";
        }
    }
}
