package org.pando.understanding;

/**
 * A tag the analysis suggests for a video.
 *
 * @param tag        the tag, as the instance's vocabulary writes it
 * @param similarity cosine between the tag's embedding and the video's text embedding
 */
public record SuggestedTag(String tag, double similarity) {
}
