package org.pando.understanding;

/** The steps of an analysis, in the order they run, each with the words an uploader sees. */
public enum Step {
    PROBE("Reading the file", false),
    LOUDNESS("Measuring loudness", false),
    SPEECH("Transcribing speech", false),
    TOPICS("Finding the topics", false),
    SCENES("Finding scene cuts", true),
    PAGES("Making Video Slide pages", false),
    FRAMES("Looking at the pictures", true);

    private final String label;
    private final boolean looksAtThePicture;

    Step(String label, boolean looksAtThePicture) {
        this.label = label;
        this.looksAtThePicture = looksAtThePicture;
    }

    public String label() {
        return label;
    }

    /** Whether the step looks at the picture, and so does not apply to an audio clip. */
    public boolean looksAtThePicture() {
        return looksAtThePicture;
    }

    /** Hears how far each step has come. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (step, fraction) -> { };

        /** {@code fraction} of {@code step} is done, 0 to 1. */
        void progress(Step step, double fraction);

        /** {@code step} does not apply to this file and will not run, such as looking at the picture of an audio clip. */
        default void skipped(Step step) {
        }
    }
}
