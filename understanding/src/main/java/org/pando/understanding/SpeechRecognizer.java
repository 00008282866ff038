package org.pando.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pando.media.MediaInspector;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * English speech to words with their times, by Vosk (Kaldi) on the CPU. The model is loaded once and shared;
 * each {@link #session()} recognises one recording. A lifecycle component: {@link #close()} frees the model.
 *
 * <pre>{@code
 * try (SpeechRecognizer speech = SpeechRecognizer.load(modelDir);
 *         SpeechRecognizer.Session session = speech.session()) {
 *     inspector.speechAudio(clip, session::accept, workDir);
 *     Transcript transcript = session.finish();
 * }
 * }</pre>
 */
public final class SpeechRecognizer implements AutoCloseable {
    /** The only language with a speech model here. */
    public static final String LANGUAGE = "en";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Model model;

    private SpeechRecognizer(Model model) {
        this.model = model;
    }

    /** Loads the model in {@code modelDir} (the folder holding {@code am/}, {@code conf/}, {@code graph/}). */
    public static SpeechRecognizer load(Path modelDir) {
        if (!Files.isDirectory(modelDir.resolve("am"))) {
            throw new ModelMissing("The speech model is missing from " + modelDir + " (no am/ folder)");
        }
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        try {
            return new SpeechRecognizer(new Model(modelDir.toString()));
        } catch (IOException e) {
            throw new ModelMissing("The speech model in " + modelDir + " could not be loaded: " + e.getMessage());
        }
    }

    /** A recognition of one recording, fed with 16 kHz mono 16-bit PCM. */
    public Session session() {
        try {
            return new Session(new Recognizer(model, MediaInspector.SPEECH_SAMPLE_RATE));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start speech recognition", e);
        }
    }

    @Override
    public void close() {
        model.close();
    }

    /** One recording's recognition; feed it with {@link #accept}, then {@link #finish()} it. */
    public static final class Session implements AutoCloseable {
        private final Recognizer recognizer;
        private final List<Word> words = new ArrayList<>();

        private Session(Recognizer recognizer) {
            this.recognizer = recognizer;
            recognizer.setWords(true);
        }

        /** Takes the next {@code length} bytes of PCM. */
        public void accept(byte[] pcm, int length) {
            if (recognizer.acceptWaveForm(pcm, length)) {
                collect(recognizer.getResult());
            }
        }

        /** The words recognised in everything accepted. */
        public Transcript finish() {
            collect(recognizer.getFinalResult());
            return new Transcript(LANGUAGE, words);
        }

        private void collect(String result) {
            try {
                JsonNode found = JSON.readTree(result).path("result");
                for (JsonNode w : found) {
                    words.add(new Word(w.path("word").asText(), w.path("start").asDouble(), w.path("end").asDouble(),
                            w.path("conf").asDouble()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable recognition result: " + result, e);
            }
        }

        @Override
        public void close() {
            recognizer.close();
        }
    }
}
