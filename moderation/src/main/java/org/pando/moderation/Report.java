package org.pando.moderation;

import java.time.Instant;

/**
 * A person's report of a video or a comment.
 *
 * @param id               stable random identifier
 * @param caseId           the review case it belongs to (one per target while open)
 * @param reporterId       the account that reported
 * @param reporterUsername that account's username, for the moderators
 * @param reason           one of the fixed reasons
 * @param details          what the reporter added in their own words, possibly empty
 * @param createdAt        when it was filed
 */
public record Report(String id, String caseId, String reporterId, String reporterUsername, ReportReason reason,
        String details, Instant createdAt) {
}
