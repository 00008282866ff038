package org.pando.events;

import java.time.Duration;
import java.util.Optional;
import org.pando.domain.DomainException;

/**
 * The event log has more waiting to be written than it holds in memory: the batch is refused whole, nothing of it
 * stored, and the sender tries again after {@link #retryAfter()}. Acknowledged events are never affected.
 */
public final class EventLogBusy extends DomainException {
    private static final long serialVersionUID = 1L;
    private static final Duration WAIT = Duration.ofSeconds(1);

    EventLogBusy(int queued) {
        super(Reason.OVERLOADED, "events-busy", "Pando has " + queued + " events waiting to be written; nothing of this "
                + "batch was stored. Send it again in a second.");
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(WAIT);
    }
}
