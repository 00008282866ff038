package org.pando.events;

import java.time.Duration;
import java.util.Optional;
import org.pando.domain.DomainException;

/**
 * A shared event log (a Kafka cluster) did not acknowledge a batch in time. The batch was not acknowledged; part of
 * it may be stored, and the sender tries again after {@link #retryAfter()}.
 */
public final class EventLogUnavailable extends DomainException {
    private static final long serialVersionUID = 1L;
    private static final Duration WAIT = Duration.ofSeconds(1);

    public EventLogUnavailable(String log, Throwable cause) {
        super(Reason.OVERLOADED, "events-unavailable", "The event log (" + log + ") did not take this batch in time. "
                + "Send it again in a second.", cause);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(WAIT);
    }
}
