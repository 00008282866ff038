package org.pando.blobs;

import org.pando.domain.DomainException;

/** A byte range that starts past the end of the blob asked for (HTTP 416). */
public final class RangeNotSatisfiable extends DomainException {
    private static final long serialVersionUID = 1L;
    private final long total;

    public RangeNotSatisfiable(long total) {
        super(Reason.INVALID, "range-not-satisfiable", "The range asked for starts past the end of the file (" + total + " bytes).");
        this.total = total;
    }

    /** The blob's whole length. */
    public long total() {
        return total;
    }
}
