package org.pando.understanding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What is known of a published video's content, as stored: each step's state and what the finished steps found.
 *
 * @param videoId        the video
 * @param steps          every step's state
 * @param language       the spoken language, when recognised
 * @param loudnessLufs   the upload's integrated loudness
 * @param normalisedLufs the loudness it is played at
 * @param transcript     what is said, word by word
 * @param captions       the caption cues, as recognised or as the creator edited them
 * @param captionsEdited whether the creator edited the captions
 * @param pages          the Video Slide pages
 * @param topics         what its words are about: written language, text embedding, suggested tags
 * @param visual         what the pictures show, once that step has run
 * @param notes          what could not be done and why
 */
public record VideoAnalysis(
        String videoId,
        Map<Step, StepState> steps,
        Optional<String> language,
        OptionalDouble loudnessLufs,
        OptionalDouble normalisedLufs,
        Transcript transcript,
        List<Cue> captions,
        boolean captionsEdited,
        List<SlidePage> pages,
        Topics topics,
        Optional<VisualFindings> visual,
        List<String> notes) {

    public VideoAnalysis {
        steps = Map.copyOf(steps);
        captions = List.copyOf(captions);
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
    }
}
