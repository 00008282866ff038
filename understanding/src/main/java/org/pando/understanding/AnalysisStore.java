package org.pando.understanding;

import java.util.List;
import java.util.Optional;

/** Where analyses are kept. Implemented by the store module. */
public interface AnalysisStore {
    /** Records a step's state, creating the video's analysis when it is new. */
    void step(String videoId, Step step, StepState state);

    /** Stores what an analysis found; captions the creator edited are kept. */
    void save(String videoId, FileAnalysis found);

    /** The video's analysis, if one was ever started. */
    Optional<VideoAnalysis> find(String videoId);

    /** What the creator wrote about the video: title, description and tags. */
    VideoText videoText(String videoId);

    /** Replaces the video's captions with the creator's. */
    void editCaptions(String videoId, List<Cue> cues);
}
