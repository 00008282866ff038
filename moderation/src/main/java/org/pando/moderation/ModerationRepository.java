package org.pando.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pando.domain.Keyset;

/** Where review cases and reports are kept. Implemented by the store module. */
public interface ModerationRepository {
    /**
     * The target's open case, opened at {@code at} when it has none; two callers at once get the same case.
     *
     * @param videoId the video itself, or the video a comment is under
     */
    ReviewCase openCase(Target target, String videoId, Instant at);

    /** The target's open case, if it has one. */
    Optional<ReviewCase> findOpen(Target target);

    /** The target's most recently decided case, if any. */
    Optional<ReviewCase> lastDecided(Target target);

    /** Records why the case's video is held. */
    void hold(String caseId, Hold hold);

    /** Adds a report to its case; returns false when the reporter already has a report in that open case. */
    boolean file(Report report);

    /** The reporter's report in the target's open case, if any. */
    Optional<Report> openReport(String reporterId, Target target);

    /** How many reports the account filed since then. */
    int reportsSince(String reporterId, Instant since);

    /** Open cases after a position, oldest first. */
    List<ReviewCase> open(Keyset after, int limit);

    /** Closes an open case with the decision, and its reports with it; returns false when it was not open. */
    boolean close(String caseId, Decision decision);
}
