package org.pando.modelconv;

/** A model could not be converted; the message says which input, node or file and why. */
public final class ModelConversionFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelConversionFailed(String message) {
        super(message);
    }

    public ModelConversionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
