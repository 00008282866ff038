package org.pando.understanding;

/** A model Pando needs is not where the configuration says; the message says where it looked and what to do. */
public final class ModelMissing extends RuntimeException {
    public ModelMissing(String message) {
        super(message);
    }
}
