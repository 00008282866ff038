package org.pando.moderation;

import java.time.Instant;

/**
 * How a moderator closed a review case.
 *
 * @param verdict     approve or reject
 * @param note        what the moderator wrote; the video's creator reads it (empty when none was written)
 * @param moderatorId the moderator's account
 * @param at          when
 */
public record Decision(Verdict verdict, String note, String moderatorId, Instant at) {
}
