package org.pando.search;

import java.util.Optional;

/**
 * One answer to a search.
 *
 * @param videoId the video
 * @param score   how well it matches, larger is better; comparable only within one search
 * @param said    the caption that matches best, when the words are said in the video
 */
public record SearchHit(String videoId, double score, Optional<SpokenMoment> said) {
}
