package org.pando.recommend;

import java.time.Instant;
import java.util.Optional;

/**
 * A published video as the engine sees it.
 *
 * @param videoId     the video
 * @param creatorId   the channel it is in
 * @param publishedAt when its upload finished
 * @param durationMs  its length
 * @param country     the creator's country at upload
 * @param language    the creator's language at upload
 * @param text        its title, description and tags, for content similarity
 * @param analysedAt  when what was understood of it (its embeddings) last changed, in epoch milliseconds; 0 before
 */
public record Candidate(
        String videoId, String creatorId, Instant publishedAt, long durationMs, Optional<String> country,
        Optional<String> language, String text, long analysedAt) {

    /** A video not analysed yet, known by its text alone. */
    public Candidate(String videoId, String creatorId, Instant publishedAt, long durationMs, Optional<String> country,
            Optional<String> language, String text) {
        this(videoId, creatorId, publishedAt, durationMs, country, language, text, 0);
    }
}
