package org.pando.events;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One thing a person did to a video, in the schema every consumer reads.
 *
 * @param type       what happened
 * @param userId     the account that did it, or the visitor without an account ({@value #VISITOR_PREFIX}…)
 * @param videoId    the video it was done to; empty for a follow made on a channel page, which names only the
 *                   creator
 * @param creatorId  the channel the video is published in
 * @param surface    where it happened
 * @param country    the user's profile country, when set
 * @param language   the user's first profile language, when set
 * @param watchedMs  milliseconds watched so far (0 where it does not apply)
 * @param durationMs the video's duration in milliseconds (0 where unknown)
 * @param at         when it happened
 * @param propensity for an impression chosen by the recommender, the probability with which its policy showed
 *                   it there (for off-policy evaluation); empty otherwise
 */
public record UserEvent(
        EventType type,
        String userId,
        String videoId,
        String creatorId,
        Surface surface,
        Optional<String> country,
        Optional<String> language,
        long watchedMs,
        long durationMs,
        Instant at,
        OptionalDouble propensity) {

    /** How the user id of someone watching without an account begins. */
    public static final String VISITOR_PREFIX = "visitor-";

    /** An event without a logged propensity. */
    public UserEvent(EventType type, String userId, String videoId, String creatorId, Surface surface, Optional<String> country,
            Optional<String> language, long watchedMs, long durationMs, Instant at) {
        this(type, userId, videoId, creatorId, surface, country, language, watchedMs, durationMs, at, OptionalDouble.empty());
    }

    /** The same event with a logged propensity. */
    public UserEvent withPropensity(OptionalDouble p) {
        return new UserEvent(type, userId, videoId, creatorId, surface, country, language, watchedMs, durationMs, at, p);
    }

    /** Whether the user id names a visitor without an account rather than an account. */
    public static boolean isVisitor(String userId) {
        return userId.startsWith(VISITOR_PREFIX);
    }

    /** Share of the video watched, 0 to 1; 0 when the duration is unknown. */
    public double watchRatio() {
        return durationMs <= 0 ? 0 : Math.min(1.0, (double) watchedMs / durationMs);
    }
}
