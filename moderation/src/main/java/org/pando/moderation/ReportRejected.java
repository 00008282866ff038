package org.pando.moderation;

import java.time.Duration;
import java.util.Optional;
import org.pando.domain.DomainException;

/** A report that cannot be filed as sent. */
public final class ReportRejected extends DomainException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    private ReportRejected(Reason reason, String code, String message, Duration retryAfter) {
        super(reason, code, message);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The reporter wrote or uploaded it themselves. */
    static ReportRejected ownContent(TargetKind kind) {
        return new ReportRejected(Reason.INVALID, "report-own-content", kind == TargetKind.VIDEO
                ? "You cannot report your own video; you can delete or edit it instead."
                : "You cannot report your own comment; you can delete it instead.", null);
    }

    /** The reporter filed {@code limit} reports within {@code window}; one more is possible within a window at most. */
    static ReportRejected tooMany(int limit, Duration window) {
        return new ReportRejected(Reason.RATE_LIMITED, "report-limit",
                "You have sent " + limit + " reports in the last hour, the most there may be; try again later.", window);
    }
}
