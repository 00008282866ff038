package org.pando.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.pando.media.Loudness;
import org.pando.media.MediaConfig;
import org.pando.media.MediaInspector;
import org.pando.media.ProbeResult;
import org.pando.media.RgbFrame;
import org.pando.media.VideoTrack;

/**
 * Analyses one media file: loudness before and after normalisation, speech to a transcript and captions, what
 * the words are about (language, text embedding, suggested tags), scene cuts and Video Slide pages, and what the
 * pictures show (NSFW score, faces, people, in sampled frames and the poster). A step that fails is reported in
 * {@link FileAnalysis#failures()} and the others go on. An audio clip skips the steps that look at the picture
 * (the listener is told so) and gets its Video Slide pages from the pauses in its speech alone. A lifecycle
 * component: it holds the models (each loaded on first use) and the ffmpeg processes it starts.
 *
 * <pre>{@code
 * try (FileAnalyzer analyzer = new FileAnalyzer(MediaConfig.defaults(), config)) {
 *     FileAnalysis found = analyzer.analyze(clip, VideoText.NONE, workDir, Step.Listener.NONE);
 * }
 * }</pre>
 */
public final class FileAnalyzer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FileAnalyzer.class.getName());
    private static final double BYTES_PER_SECOND = MediaInspector.SPEECH_SAMPLE_RATE * 2.0;

    private final UnderstandingConfig config;
    private final MediaInspector inspector;
    private final TagVocabulary vocabulary;
    // each model is loaded on first use under a lock of its own, so that a picture checked while a video's speech
    // model loads does not wait for it
    private final LoadedOnce<SpeechRecognizer> speech;
    private final LoadedOnce<VoiceActivity> voice = new LoadedOnce<>(VoiceActivity::load, VoiceActivity::close);
    private final LoadedOnce<VisualModels> visual = new LoadedOnce<>(VisualModels::load, VisualModels::close);
    private final LoadedOnce<Topical> topics;

    /** An analyzer that suggests tags from {@code vocabulary}. */
    public FileAnalyzer(MediaConfig media, UnderstandingConfig config, TagVocabulary vocabulary) {
        this.config = config;
        this.inspector = new MediaInspector(media);
        this.vocabulary = vocabulary;
        this.speech = new LoadedOnce<>(() -> SpeechRecognizer.load(ModelArchives.speechModel(config.modelsDir())),
                SpeechRecognizer::close);
        this.topics = new LoadedOnce<>(() -> Topical.load(vocabulary), Topical::close);
    }

    /** An analyzer of files on their own, which suggests tags from the starter list. */
    public FileAnalyzer(MediaConfig media, UnderstandingConfig config) {
        this(media, config, TagVocabulary.starter());
    }

    /**
     * Analyses {@code file}, read with what its creator wrote about it, keeping ffmpeg's logs in {@code workDir}.
     *
     * @throws org.pando.media.MediaToolFailed when the file cannot even be read; every later step's failure
     *                                         is reported in the result instead
     */
    public FileAnalysis analyze(Path file, VideoText text, Path workDir, Step.Listener listener) {
        return analyze(file, text, Optional.empty(), workDir, listener);
    }

    /**
     * Analyses {@code file} as {@link #analyze(Path, VideoText, Path, Step.Listener)} does, and looks at its
     * {@code poster} (an image file) on its own besides the frames: a video is held when either is inappropriate.
     * A poster that cannot be decoded fails the step that looks at the pictures.
     */
    public FileAnalysis analyze(Path file, VideoText text, Optional<Path> poster, Path workDir, Step.Listener listener) {
        createDirectories(workDir);
        listener.progress(Step.PROBE, 0);
        ProbeResult probe = inspector.probe(file, workDir);
        double duration = probe.durationMs() / 1000.0;
        listener.progress(Step.PROBE, 1);
        if (probe.video().isEmpty()) {
            Arrays.stream(Step.values()).filter(Step::looksAtThePicture).forEach(listener::skipped);
        }
        List<String> notes = new ArrayList<>();
        Map<Step, String> failures = new EnumMap<>(Step.class);

        Levels levels = attempt(Step.LOUDNESS, failures, listener, () -> {
            Optional<Loudness> before = inspector.loudness(file, probe, workDir);
            listener.progress(Step.LOUDNESS, 0.5);
            return new Levels(before, before.map(m -> inspector.normalisedLoudness(file, m, workDir)));
        }).orElse(Levels.NONE);
        Optional<Loudness> measured = levels.measured();
        Optional<Loudness> normalised = levels.normalised();
        measured.filter(Loudness::silent).ifPresent(m -> notes.add("The audio is silent; it was left as it is."));
        if (!probe.hasAudio()) {
            notes.add("There is no audio track.");
        }

        Heard heard = Heard.NOTHING;
        boolean listen = probe.hasAudio() && measured.map(m -> !m.silent()).orElse(true);
        if (listen) {
            heard = attempt(Step.SPEECH, failures, listener, () -> listen(file, duration, workDir, listener)).orElse(Heard.NOTHING);
        }
        listener.progress(Step.SPEECH, 1);
        Optional<String> language = !listen || failures.containsKey(Step.SPEECH) ? Optional.empty()
                : spokenLanguage(heard.words());
        Transcript transcript = language.filter(SpeechRecognizer.LANGUAGE::equals).isPresent()
                ? heard.words() : new Transcript(language.orElse("und"), List.of());
        Topics about = attempt(Step.TOPICS, failures, listener, () -> topics.get().finder().find(text, transcript))
                .orElse(Topics.NONE);
        if (listen && !failures.containsKey(Step.SPEECH)) {
            speechNote(heard.words(), language, about.writtenLanguage()).ifPresent(notes::add);
        }

        List<Double> cuts = probe.video().isEmpty() ? List.of()
                : attempt(Step.SCENES, failures, listener, () -> inspector.sceneCuts(file, config.sceneThreshold(), workDir))
                        .orElse(List.of());
        List<SlidePage> pages = VideoSlide.pages(duration, cuts, heard.speech(), transcript);
        listener.progress(Step.PAGES, 1);

        Optional<VisualFindings> seen = probe.video().isEmpty() ? Optional.empty()
                : attempt(Step.FRAMES, failures, listener,
                        () -> look(file, poster, probe.video().get(), duration, workDir, listener));
        return new FileAnalysis(duration, probe.video().isPresent(), language, lufs(measured), lufs(normalised),
                transcript, heard.speech(), Captions.of(transcript, heard.speech()), pages, about, seen, notes, failures);
    }

    /**
     * Writes a sharp picture of every page of a video into {@code dir} ({@code 1.jpg}, {@code 2.jpg} …) and
     * returns the pages with the moments their pictures were taken at.
     */
    public List<SlidePage> pagePictures(Path file, List<SlidePage> pages, Path dir, Path workDir) {
        return new PageStills(inspector).write(file, pages, dir, workDir);
    }

    private <T> Optional<T> attempt(Step step, Map<Step, String> failures, Step.Listener listener, Supplier<T> work) {
        listener.progress(step, 0);
        try {
            T result = work.get();
            listener.progress(step, 1);
            return Optional.of(result);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, step.label() + " failed", e);
            failures.put(step, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return Optional.empty();
        }
    }

    /** One pass over the audio feeds both the speech recogniser and the voice activity detector. */
    private Heard listen(Path file, double duration, Path workDir, Step.Listener listener) {
        double expected = Math.max(1, duration * BYTES_PER_SECOND);
        VoiceActivity.Detector detector = voice.get().detector();
        try (SpeechRecognizer.Session session = speech.get().session()) {
            long[] bytes = {0};
            inspector.speechAudio(file, (pcm, length) -> {
                session.accept(pcm, length);
                detector.accept(pcm, length);
                bytes[0] += length;
                listener.progress(Step.SPEECH, Math.min(0.99, bytes[0] / expected));
            }, workDir);
            return new Heard(session.finish(), detector.finish());
        }
    }

    /**
     * One pass over frames sampled once a second feeds the three image models, then the poster is read at its own
     * shape.
     */
    private VisualFindings look(Path file, Optional<Path> poster, VideoTrack track, double duration, Path workDir,
            Step.Listener listener) {
        double expected = Math.floor(duration * MediaInspector.FRAMES_PER_SECOND) + 1;
        VisualModels.FrameSize size = VisualModels.FrameSize.of(track);
        VisualModels.Review review = visual.get().review();
        inspector.sampledFrames(file, size.width(), size.height(), frame -> {
            review.accept(frame);
            listener.progress(Step.FRAMES, Math.min(0.99, review.seen() / expected));
        }, workDir);
        poster.ifPresent(image -> review.poster(posterPicture(image, workDir)));
        return review.finish();
    }

    /**
     * Looks at one still picture (an image file) with the image models, as at a video's poster.
     *
     * @throws IllegalStateException when the file has no picture that could be decoded
     */
    public PictureFindings lookAt(Path image, Path workDir) {
        createDirectories(workDir);
        return visual.get().look(posterPicture(image, workDir));
    }

    private RgbFrame posterPicture(Path image, Path workDir) {
        Supplier<IllegalStateException> undecodable = () -> new IllegalStateException(
                "The picture " + image.getFileName() + " has no picture that could be decoded");
        VideoTrack picture = inspector.probe(image, workDir).video().orElseThrow(undecodable);
        VisualModels.FrameSize size = VisualModels.FrameSize.of(picture);
        return inspector.frameAt(image, 0, size.width(), size.height(), workDir).orElseThrow(undecodable);
    }

    /**
     * English when the English model heard words it was sure of; otherwise the language of what it heard is
     * unknown, since no other language has a speech model here (and naming the language of words the English
     * model wrote would only ever say English).
     */
    private Optional<String> spokenLanguage(Transcript heard) {
        if (heard.isEmpty()) {
            return Optional.empty();
        }
        double confidence = heard.words().stream().mapToDouble(Word::confidence).average().orElse(0);
        return confidence < config.minConfidence() ? Optional.empty() : Optional.of(SpeechRecognizer.LANGUAGE);
    }

    /**
     * What the uploader is told when there are no captions: no speech, or speech that is not English, named
     * after the language the creator wrote in when that is not English either.
     */
    private static Optional<String> speechNote(Transcript heard, Optional<String> spoken, Optional<String> written) {
        if (heard.isEmpty()) {
            return Optional.of("No speech was found.");
        }
        if (spoken.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(written.filter(w -> !w.equals(SpeechRecognizer.LANGUAGE))
                .map(w -> "The speech does not sound like English; there are no captions for "
                        + WrittenLanguage.displayName(w) + ", the language of the title.")
                .orElse("The speech does not sound like English; there are no captions for its language."));
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the analysis folder " + dir, e);
        }
    }

    private static OptionalDouble lufs(Optional<Loudness> loudness) {
        return loudness.map(l -> OptionalDouble.of(l.integratedLufs())).orElse(OptionalDouble.empty());
    }

    @Override
    public void close() {
        inspector.close();
        speech.close();
        voice.close();
        visual.close();
        topics.close();
    }

    /** The topic finder with the sentence embedder it uses, loaded and let go of together. */
    private record Topical(TextEmbedder embedder, TopicFinder finder) {
        static Topical load(TagVocabulary vocabulary) {
            TextEmbedder embedder = TextEmbedder.load();
            return new Topical(embedder, new TopicFinder(embedder, WrittenLanguage.load(), vocabulary));
        }

        void close() {
            embedder.close();
        }
    }

    /** What was heard: the words, and the stretches of speech found apart from them. */
    private record Heard(Transcript words, List<TimeRange> speech) {
        static final Heard NOTHING = new Heard(new Transcript("und", List.of()), List.of());
    }

    /** The audio's loudness as uploaded and after normalisation; empty without audio. */
    private record Levels(Optional<Loudness> measured, Optional<Loudness> normalised) {
        static final Levels NONE = new Levels(Optional.empty(), Optional.empty());
    }
}
