package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.media.MediaConfig;
import org.pando.media.SharedMedia;

/** The analysis of the shared real clips: speech, captions, Video Slide and loudness. */
class FileAnalyzerTest {
    static final String JFK = "And so my fellow Americans, ask not what your country can do for you, ask what you can do for"
            + " your country.";
    /**
     * When jfk.wav's phrases are spoken, read by hand off the waveform's loudness in 50 ms steps (ffmpeg
     * astats), independently of the recogniser and the voice activity model: "and so my fellow americans",
     * "ask not", "what your country can do for you", "ask what you can do for your country".
     */
    static final List<TimeRange> JFK_SPEECH = List.of(new TimeRange(0.30, 2.20), new TimeRange(3.25, 4.35),
            new TimeRange(5.40, 7.60), new TimeRange(8.15, 10.45));

    private static FileAnalyzer analyzer;

    @TempDir
    Path work;

    @BeforeAll
    static void loadModels() {
        analyzer = new FileAnalyzer(MediaConfig.defaults(), TestModels.config());
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @Test
    void jfkIsTranscribedWithCaptionsWhereTheWordsAreSaid() {
        Set<Step> skipped = EnumSet.noneOf(Step.class);
        Step.Listener listener = new Step.Listener() {
            @Override
            public void progress(Step step, double fraction) {
                assertThat(skipped).as("%s reports progress after it was skipped", step).doesNotContain(step);
            }

            @Override
            public void skipped(Step step) {
                skipped.add(step);
            }
        };
        FileAnalysis found = analyzer.analyze(SharedMedia.clip("jfk.wav"), VideoText.NONE, work, listener);
        assertThat(found.failures()).as("failed steps").isEmpty();
        assertThat(skipped).as("steps the listener was told do not apply to an audio clip")
                .containsExactlyInAnyOrder(Step.SCENES, Step.FRAMES);
        assertThat(found.notApplicable()).as("steps that did not apply").isEqualTo(skipped);

        double wer = WordErrorRate.of(JFK, found.transcript().text());
        assertThat(wer).as("word error rate of '%s'", found.transcript().text()).isLessThanOrEqualTo(0.10);
        assertThat(found.language()).as("spoken language").contains("en");
        assertThat(found.hasVideo()).as("an audio clip has no picture").isFalse();
        assertThat(found.visual()).as("and nothing to look at").isEmpty();
        List<Cue> cues = found.captions();
        for (TimeRange spoken : JFK_SPEECH) {
            assertThat(cues).as("a cue starts within 0.3 s of the speech at %.2f s: %s", spoken.start(), cues)
                    .anySatisfy(c -> assertThat(c.start()).isCloseTo(spoken.start(), within(0.3)));
            assertThat(cues).as("a cue ends within 0.3 s of the speech ending at %.2f s: %s", spoken.end(), cues)
                    .anySatisfy(c -> assertThat(c.end()).isCloseTo(spoken.end(), within(0.3)));
        }
        assertThat(found.speech()).as("stretches of speech found by voice activity detection")
                .hasSizeGreaterThanOrEqualTo(JFK_SPEECH.size());
        assertThat(cues).as("every cue starts and ends inside detected speech: %s in %s", cues, found.speech())
                .allSatisfy(c -> assertThat(found.speech()).anySatisfy(s -> assertThat(c.start()).isBetween(s.start(), s.end()))
                        .anySatisfy(s -> assertThat(c.end()).isBetween(s.start(), s.end())));
        assertThat(found.pages()).as("Video Slide pages of a clip without a picture, cut at the pauses in its speech")
                .hasSizeGreaterThan(1);
        assertThat(String.join(" ", found.pages().stream().map(SlidePage::text).filter(t -> !t.isEmpty()).toList()))
                .as("the pages hold the whole transcript, in order").isEqualTo(found.transcript().text());
        assertThat(found.loudnessLufs()).as("jfk.wav is measured").isPresent();
        assertThat(found.normalisedLufs().getAsDouble()).as("normalised loudness against the -14 LUFS target")
                .isCloseTo(-14, within(1.0));
        assertThat(found.topics().embedding()).as("one text embedding of what is said").hasSize(TextEmbedder.DIMENSIONS);
        assertThat(found.topics().suggestedTags()).as("tags suggested for the inaugural address").extracting(SuggestedTag::tag)
                .contains("politics");
        assertThat(found.topics().writtenLanguage()).as("nothing written, no written language").isEmpty();
    }

    @Test
    void whatTheCreatorWroteGivesTheLanguageAndTheTopics() {
        VideoText text = new VideoText("Traffic on the highway at night",
                "Watching the cars and trucks drive past the bridge, with a road sign and street lights.", Set.of("cars"));
        FileAnalysis found = analyzer.analyze(SharedMedia.clip("car-detection.mp4"), text, work, Step.Listener.NONE);

        assertThat(found.topics().writtenLanguage()).as("language of the title and description").contains("en");
        assertThat(found.topics().suggestedTags()).as("suggested tags").isNotEmpty()
                .extracting(SuggestedTag::tag).doesNotContain("cars").contains("road trip");
    }

    @Test
    void theCutClipHasAPageBoundaryAtItsCutAndTheSpeechOnItsPages() {
        FileAnalysis found = analyzer.analyze(SharedMedia.clip("derived-cut-with-speech.mp4"), VideoText.NONE, work, Step.Listener.NONE);

        assertThat(WordErrorRate.of(JFK, found.transcript().text())).as("word error rate of '%s'", found.transcript().text())
                .isLessThanOrEqualTo(0.10);
        assertThat(found.pages()).as("pages %s", found.pages())
                .anySatisfy(p -> assertThat(p.start()).isCloseTo(5.0, within(0.2)));
        assertThat(String.join(" ", found.pages().stream().map(SlidePage::text).filter(t -> !t.isEmpty()).toList()))
                .as("the pages hold the whole transcript, in order").isEqualTo(found.transcript().text());
        assertThat(found.pages().getLast().end()).isCloseTo(found.durationS(), within(0.01));
    }

    @Test
    void aSilentTrackIsLeftSilentAndHasNoSpeech() {
        FileAnalysis found = analyzer.analyze(SharedMedia.clip("car-detection.mp4"), VideoText.NONE, work, Step.Listener.NONE);

        assertThat(found.loudnessLufs().getAsDouble()).as("car-detection.mp4's track is room tone").isLessThan(-50);
        assertThat(found.normalisedLufs().getAsDouble()).as("not amplified into noise")
                .isEqualTo(found.loudnessLufs().getAsDouble());
        assertThat(found.transcript().isEmpty()).isTrue();
        assertThat(found.notes()).anySatisfy(n -> assertThat(n).contains("silent"));
    }

    @Test
    void aVideoWithoutAudioHasPagesButNoLoudness() {
        FileAnalysis found = analyzer.analyze(SharedMedia.clip("asl-again.mkv"), VideoText.NONE, work, Step.Listener.NONE);

        assertThat(found.loudnessLufs()).isEmpty();
        assertThat(found.notes()).contains("There is no audio track.");
        assertThat(found.pages()).isNotEmpty();
    }
}
