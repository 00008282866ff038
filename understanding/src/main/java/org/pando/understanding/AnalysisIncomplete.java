package org.pando.understanding;

/** Some steps of an analysis failed; what the others found is stored, and the analysis may be tried again. */
public final class AnalysisIncomplete extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnalysisIncomplete(String message) {
        super(message);
    }
}
