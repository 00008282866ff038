package org.pando.events;

import java.time.Duration;
import java.util.Optional;
import org.pando.domain.DomainException;

/**
 * A shared event log (a Kafka cluster) did not take a batch: the brokers refused it or did not answer in time. The
 * batch was not acknowledged, and its transaction was aborted or never begun, so none of it is stored (unless the
 * time ran out while its transaction was committing); the sender tries again after {@link #retryAfter()}.
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
