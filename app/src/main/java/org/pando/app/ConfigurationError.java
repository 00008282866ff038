package org.pando.app;

/** The configuration cannot be used; the message says which setting and why. */
public final class ConfigurationError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationError(String message) {
        super(message);
    }
}
