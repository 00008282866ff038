package org.pando.moderation;

import org.pando.domain.DomainException;

/** A report that cannot be filed as sent. */
public final class ReportRejected extends DomainException {
    private static final long serialVersionUID = 1L;

    private ReportRejected(Reason reason, String code, String message) {
        super(reason, code, message);
    }

    /** The reporter wrote or uploaded it themselves. */
    static ReportRejected ownContent(TargetKind kind) {
        return new ReportRejected(Reason.INVALID, "report-own-content", kind == TargetKind.VIDEO
                ? "You cannot report your own video; you can delete or edit it instead."
                : "You cannot report your own comment; you can delete it instead.");
    }

    /** The reporter filed too many reports lately. */
    static ReportRejected tooMany(int limit) {
        return new ReportRejected(Reason.RATE_LIMITED, "report-limit",
                "You have sent " + limit + " reports in the last hour, the most there may be; try again later.");
    }
}
