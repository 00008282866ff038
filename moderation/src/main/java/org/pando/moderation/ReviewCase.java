package org.pando.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One video or comment waiting for a moderator, or once decided: what held it, who reported it and why, and the
 * decision. A target has at most one open case; reports and a hold of the same target join it.
 *
 * @param id          stable random identifier
 * @param target      the video or comment
 * @param videoId     the video itself, or the video the comment is under
 * @param openedAt    when it entered the queue
 * @param hold        why the video was held, when it was
 * @param reports     the newest reports filed while it was open, at most {@value #REPORTS_SHOWN}, newest first
 * @param reportCount how many reports were filed while it was open
 * @param decision    the moderator's decision, once made
 */
public record ReviewCase(String id, Target target, String videoId, Instant openedAt, Optional<Hold> hold,
        List<Report> reports, int reportCount, Optional<Decision> decision) {
    /** Most reports a case carries; the count says how many there are. */
    public static final int REPORTS_SHOWN = 20;

    public ReviewCase {
        reports = List.copyOf(reports);
    }

    /** Whether it still waits for a moderator. */
    public boolean open() {
        return decision.isEmpty();
    }
}
