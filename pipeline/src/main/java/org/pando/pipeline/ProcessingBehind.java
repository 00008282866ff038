package org.pando.pipeline;

import java.time.Duration;
import java.util.Optional;
import org.pando.domain.DomainException;

/**
 * Too many uploads wait to be transcoded: a new upload is refused before it starts, and the uploader tries again after
 * {@link #retryAfter()}, once the workers have caught up. Nothing already uploaded is affected.
 */
public final class ProcessingBehind extends DomainException {
    private static final long serialVersionUID = 1L;
    private static final Duration WAIT = Duration.ofMinutes(1);

    public ProcessingBehind(long waiting) {
        super(Reason.OVERLOADED, "processing-behind", waiting + " uploads are waiting to be processed; nothing of this one was "
                + "sent. Try again in a minute.");
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(WAIT);
    }
}
