package org.pando.understanding;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the analysis of one media file found.
 *
 * @param durationS              its length in seconds
 * @param hasVideo               whether it has a picture (an audio clip does not)
 * @param language               the spoken language (ISO 639-1), when speech was recognised
 * @param loudnessLufs           integrated loudness of the first audio track as uploaded
 * @param normalisedLufs         its loudness after normalisation to the configured target (a silent track
 *                               is left silent)
 * @param transcript             what was said, word by word
 * @param speech                 where someone speaks, found by voice activity detection
 * @param captions               the transcript as caption cues
 * @param pages                  the Video Slide pages
 * @param topics                 what its words are about: the written language, a text embedding, tags
 * @param visual                 what the pictures show; empty without a picture or when that step failed
 * @param notes                  what could not be done and why, for the uploader
 * @param failures               the steps that failed, each with its error; the rest of the analysis stands
 */
public record FileAnalysis(
        double durationS,
        boolean hasVideo,
        Optional<String> language,
        OptionalDouble loudnessLufs,
        OptionalDouble normalisedLufs,
        Transcript transcript,
        List<TimeRange> speech,
        List<Cue> captions,
        List<SlidePage> pages,
        Topics topics,
        Optional<VisualFindings> visual,
        List<String> notes,
        Map<Step, String> failures) {

    public FileAnalysis {
        speech = List.copyOf(speech);
        captions = List.copyOf(captions);
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
        failures = Map.copyOf(failures);
    }

    /** The steps that did not apply to this file: those that look at the picture, when there is none. */
    public Set<Step> notApplicable() {
        EnumSet<Step> steps = EnumSet.noneOf(Step.class);
        if (!hasVideo) {
            Arrays.stream(Step.values()).filter(Step::looksAtThePicture).forEach(steps::add);
        }
        return steps;
    }

    /** The same analysis with other pages (their pictures chosen). */
    public FileAnalysis withPages(List<SlidePage> chosen) {
        return new FileAnalysis(durationS, hasVideo, language, loudnessLufs, normalisedLufs, transcript, speech, captions, chosen,
                topics, visual, notes, failures);
    }
}
