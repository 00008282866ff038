package org.pando.understanding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where speech is, by Silero VAD v5 (ONNX) run with ONNX Runtime on the CPU: the audio is read in windows of
 * 512 samples at 16 kHz (32 ms), each with the 64 samples before it, and the model's speech probability,
 * carried through its recurrent state, is turned into stretches of speech with hysteresis (on at 0.5, off
 * below 0.35), stretches shorter than 250 ms dropped, pauses shorter than 100 ms bridged and 30 ms of
 * padding on both sides. Thread-safe; each {@link #detector()} follows one recording.
 */
public final class VoiceActivity implements AutoCloseable {
    static final String MODEL = "/models/silero_vad_v5.onnx";
    static final String MODEL_SHA256 = "2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f";
    static final int SAMPLE_RATE = 16_000;
    static final int WINDOW = 512;
    static final int CONTEXT = 64;
    private static final float ON = 0.5f;
    private static final float OFF = 0.35f;
    private static final double MIN_SPEECH = 0.25;
    private static final double MIN_SILENCE = 0.10;
    private static final double PAD = 0.03;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    private VoiceActivity(OrtSession session) {
        this.session = session;
    }

    /** Loads the model bundled with Pando, checking that it is the one the build fetched. */
    public static VoiceActivity load() {
        return new VoiceActivity(new BundledModel("voice activity", MODEL, MODEL_SHA256).open());
    }

    /** Follows one recording, fed with 16 kHz mono 16-bit little-endian PCM. */
    public Detector detector() {
        return new Detector();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Could not release the voice activity model", e);
        }
    }

    private float probability(float[] input, float[][][] state, Detector owner) throws OrtException {
        try (OnnxTensor audio = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), new long[] {1, input.length});
                OnnxTensor carried = OnnxTensor.createTensor(environment, state);
                OnnxTensor rate = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[] {SAMPLE_RATE}), new long[0]);
                OrtSession.Result result = session.run(Map.of("input", audio, "state", carried, "sr", rate))) {
            float p = ((float[][]) result.get(0).getValue())[0][0];
            owner.state = (float[][][]) result.get(1).getValue();
            return p;
        }
    }

    /** One recording's speech detection: {@link #accept} its audio, then {@link #finish()}. */
    public final class Detector {
        private final float[] window = new float[CONTEXT + WINDOW];
        private float[][][] state = new float[2][1][128];
        private int filled;
        private long windows;
        private final List<TimeRange> raw = new ArrayList<>();
        private boolean speaking;
        private double speechStart;
        private double silenceStart = -1;
        private int pendingByte = -1;

        private Detector() {
        }

        /** Takes the next {@code length} bytes of PCM. */
        public void accept(byte[] pcm, int length) {
            int i = 0;
            if (pendingByte >= 0 && length > 0) {
                sample((short) ((pendingByte & 0xFF) | (pcm[0] << 8)));
                pendingByte = -1;
                i = 1;
            }
            for (; i + 1 < length; i += 2) {
                sample((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8)));
            }
            if (i < length) {
                pendingByte = pcm[i] & 0xFF;
            }
        }

        private void sample(short value) {
            window[CONTEXT + filled++] = value / 32768f;
            if (filled == WINDOW) {
                step();
                System.arraycopy(window, WINDOW, window, 0, CONTEXT);
                filled = 0;
            }
        }

        private void step() {
            float p;
            try {
                p = probability(window.clone(), state, this);
            } catch (OrtException e) {
                throw new IllegalStateException("Voice activity detection failed: " + e.getMessage(), e);
            }
            double t = (double) windows * WINDOW / SAMPLE_RATE;
            windows++;
            if (p >= ON) {
                silenceStart = -1;
                if (!speaking) {
                    speaking = true;
                    speechStart = t;
                }
            } else if (speaking && p < OFF) {
                if (silenceStart < 0) {
                    silenceStart = t;
                } else if (t + (double) WINDOW / SAMPLE_RATE - silenceStart >= MIN_SILENCE) {
                    close(silenceStart);
                }
            }
        }

        private void close(double end) {
            if (end - speechStart >= MIN_SPEECH) {
                raw.add(new TimeRange(speechStart, end));
            }
            speaking = false;
            silenceStart = -1;
        }

        /** The stretches of speech heard, padded, in order and never overlapping. */
        public List<TimeRange> finish() {
            double end = (double) windows * WINDOW / SAMPLE_RATE;
            if (speaking) {
                close(silenceStart >= 0 ? silenceStart : end);
            }
            List<TimeRange> padded = new ArrayList<>();
            for (TimeRange r : raw) {
                double start = Math.max(0, r.start() - PAD);
                double stop = Math.min(end, r.end() + PAD);
                if (!padded.isEmpty() && start <= padded.getLast().end()) {
                    padded.set(padded.size() - 1, new TimeRange(padded.getLast().start(), stop));
                } else {
                    padded.add(new TimeRange(start, stop));
                }
            }
            return padded;
        }
    }
}
