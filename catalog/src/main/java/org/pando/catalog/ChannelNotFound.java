package org.pando.catalog;

import org.pando.domain.DomainException;

/** The channel asked for does not exist. */
public final class ChannelNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public ChannelNotFound(String handle) {
        super(Reason.NOT_FOUND, "channel-not-found", "There is no channel " + handle + ".");
    }
}
