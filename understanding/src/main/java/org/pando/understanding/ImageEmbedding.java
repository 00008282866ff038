package org.pando.understanding;

import java.util.Arrays;

/**
 * What a video looks like as one vector: the mean over its sampled frames of the NSFW classifier's pooled
 * 1792-d image features. Videos made of the same pictures have nearly the same embedding, whatever their
 * encoding, which makes it a key for finding near-duplicates.
 *
 * @param values the features; the array is copied in and out
 */
public record ImageEmbedding(float[] values) {

    public ImageEmbedding {
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The cosine of the angle between the two embeddings: 1 for the same direction. */
    public double cosine(ImageEmbedding other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("Embeddings of " + values.length + " and " + other.values.length + " features");
        }
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < values.length; i++) {
            dot += (double) values[i] * other.values[i];
            a += (double) values[i] * values[i];
            b += (double) other.values[i] * other.values[i];
        }
        return a == 0 || b == 0 ? 0 : dot / Math.sqrt(a * b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageEmbedding other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ImageEmbedding[" + values.length + " features]";
    }
}
