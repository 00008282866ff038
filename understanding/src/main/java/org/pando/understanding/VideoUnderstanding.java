package org.pando.understanding;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The analysis of published videos: runs {@link FileAnalyzer} on a video's original, keeps each step's
 * progress and what it found in the {@link AnalysisStore}, and lets the creator correct the captions.
 * The video stays playable throughout; a failed step is stored with its error and the analysis is retried. The
 * steps that look at the picture are stored as skipped for an audio clip.
 */
public final class VideoUnderstanding {
    /** The folder, among a video's served files, of its Video Slide pictures ({@code 1.jpg}, {@code 2.jpg} …). */
    public static final String PICTURES = "pages";
    /** Most cues a video's captions may have. */
    static final int MAX_CUES = 10_000;
    /** Longest text of one cue, in characters. */
    static final int MAX_CUE_CHARS = 300;
    private static final double REPORT_EVERY = 0.05;

    private final FileAnalyzer analyzer;
    private final AnalysisStore store;
    private final Consumer<String> captionsEdited;

    /** @param captionsEdited told the id of each video whose captions the creator corrected (search reads them) */
    public VideoUnderstanding(FileAnalyzer analyzer, AnalysisStore store, Consumer<String> captionsEdited) {
        this.analyzer = analyzer;
        this.store = store;
        this.captionsEdited = captionsEdited;
    }

    /** Marks every step of a video waiting, so the uploader sees the analysis is coming. */
    public void queued(String videoId) {
        for (Step step : Step.values()) {
            store.step(videoId, step, StepState.WAITING);
        }
    }

    /**
     * Analyses a video's original and its poster, when it has one; its pages' pictures are written into
     * {@code picturesDir}.
     *
     * @throws AnalysisIncomplete when a step failed; what the others found is stored
     */
    public void analyse(String videoId, Path original, Optional<Path> poster, Path workDir, Path picturesDir) {
        FileAnalysis found;
        try {
            found = analyzer.analyze(original, store.videoText(videoId), poster, workDir, new StoredProgress(videoId));
        } catch (RuntimeException e) {
            store.step(videoId, Step.PROBE, StepState.failed(e.getMessage() == null ? e.toString() : e.getMessage()));
            throw e;
        }
        Map<Step, String> failures = new EnumMap<>(Step.class);
        failures.putAll(found.failures());
        if (found.hasVideo() && !found.pages().isEmpty()) {
            try {
                found = found.withPages(analyzer.pagePictures(original, found.pages(), picturesDir, workDir));
            } catch (RuntimeException e) {
                failures.put(Step.PAGES, "The pages' pictures could not be taken: " + e.getMessage());
            }
        }
        store.save(videoId, found);
        Set<Step> notApplicable = found.notApplicable();
        for (Step step : Step.values()) {
            String error = failures.get(step);
            StepState finished = notApplicable.contains(step) ? StepState.SKIPPED : StepState.DONE;
            store.step(videoId, step, error == null ? finished : StepState.failed(error));
        }
        if (!failures.isEmpty()) {
            throw new AnalysisIncomplete("Analysis of " + videoId + " failed at " + failures.keySet().stream()
                    .map(Step::label).collect(Collectors.joining(", ")));
        }
    }

    /**
     * Records that the analysis was given up after its last failed attempt: steps that neither finished nor
     * failed on their own are marked failed with {@code reason}.
     */
    public void gaveUp(String videoId, String reason) {
        Optional<VideoAnalysis> known = store.find(videoId);
        for (Step step : Step.values()) {
            StepState state = known.map(a -> a.steps().get(step)).orElse(StepState.WAITING);
            if (!state.status().finished()) {
                store.step(videoId, step, StepState.failed(reason));
            }
        }
    }

    /** The video's analysis, if one was ever started. */
    public Optional<VideoAnalysis> analysis(String videoId) {
        return store.find(videoId);
    }

    /**
     * Replaces a video's captions with the creator's corrections; the caller has checked that they own it.
     *
     * @throws CaptionsRejected when the cues overlap, run backwards, are empty or too many
     */
    public void editCaptions(String videoId, List<Cue> cues) {
        if (cues.size() > MAX_CUES) {
            throw new CaptionsRejected("Captions may have at most " + MAX_CUES + " cues, not " + cues.size() + ".");
        }
        double previousEnd = 0;
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            String where = "Caption " + (i + 1);
            if (!(c.start() >= 0 && c.end() > c.start())) {
                throw new CaptionsRejected(where + " must end after it starts, at 0 s or later.");
            }
            if (c.start() < previousEnd) {
                throw new CaptionsRejected(where + " starts before the one before it ends; captions follow each other in time.");
            }
            if (c.text().isBlank() || c.text().length() > MAX_CUE_CHARS) {
                throw new CaptionsRejected(where + " needs text of 1 to " + MAX_CUE_CHARS + " characters.");
            }
            previousEnd = c.end();
        }
        store.editCaptions(videoId, cues.stream().map(c -> new Cue(c.start(), c.end(), c.text().strip())).toList());
        captionsEdited.accept(videoId);
    }

    /** Stores a step's progress (still running, even at 100%) each time it moves on by {@link #REPORT_EVERY}. */
    private final class StoredProgress implements Step.Listener {
        private final String videoId;
        private final Map<Step, Double> reported = new EnumMap<>(Step.class);

        StoredProgress(String videoId) {
            this.videoId = videoId;
        }

        @Override
        public void progress(Step step, double fraction) {
            Double last = reported.get(step);
            if (last == null || fraction - last >= REPORT_EVERY || (fraction >= 1 && last < 1)) {
                reported.put(step, fraction);
                // Done only once everything found is stored, so nobody reads a finished analysis that is not there yet.
                store.step(videoId, step, StepState.running(fraction));
            }
        }

        @Override
        public void skipped(Step step) {
            store.step(videoId, step, StepState.SKIPPED);
        }
    }
}
