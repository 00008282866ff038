package org.pando.eval;

/** A model was asked for whose optional module is not built or not on the class path; the message says how to get it. */
public final class ModelUnavailable extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ModelUnavailable(String message) {
        super(message);
    }
}
