package org.pando.understanding;

/** The steps of an analysis, in the order they run, each with the words an uploader sees. */
public enum Step {
    PROBE("Reading the file"),
    LOUDNESS("Measuring loudness"),
    SPEECH("Transcribing speech"),
    TOPICS("Finding the topics"),
    SCENES("Finding scene cuts"),
    PAGES("Making Video Slide pages"),
    FRAMES("Looking at the pictures");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Hears how far each step has come. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (step, fraction) -> { };

        /** {@code fraction} of {@code step} is done, 0 to 1. */
        void progress(Step step, double fraction);
    }
}
