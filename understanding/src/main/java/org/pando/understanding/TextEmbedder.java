package org.pando.understanding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a text is about, as one unit vector: the all-MiniLM-L6-v2 sentence model (quantised ONNX, from its
 * Maven jar) run with ONNX Runtime on the CPU, its token vectors averaged over the text and normalised, as
 * sentence-transformers does. Texts close in meaning have a large dot product. A text longer than the model
 * reads at once is read in windows, whose vectors are averaged by their number of tokens. Thread-safe.
 */
public final class TextEmbedder implements AutoCloseable {
    /** Features of an embedding. */
    public static final int DIMENSIONS = 384;
    /** Tokens the model reads at once, {@code [CLS]} and {@code [SEP]} included, as the model was trained. */
    static final int WINDOW = 256;
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String MODEL_SHA256 = "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;

    private TextEmbedder(OrtSession session, WordPieceTokenizer tokenizer) {
        this.session = session;
        this.tokenizer = tokenizer;
    }

    /**
     * Loads the model and its vocabulary from the class path.
     *
     * @throws ModelMissing when either is not in the build or is not the expected file
     */
    public static TextEmbedder load() {
        WordPieceTokenizer tokenizer;
        try (InputStream json = TextEmbedder.class.getResourceAsStream(TOKENIZER)) {
            if (json == null) {
                throw new ModelMissing("The text embedding vocabulary " + TOKENIZER + " is not in Pando's build; build Pando again");
            }
            tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
        } catch (IOException e) {
            throw new ModelMissing("The text embedding vocabulary could not be read: " + e.getMessage());
        }
        return new TextEmbedder(new BundledModel("text embedding", MODEL, MODEL_SHA256).open(), tokenizer);
    }

    /** The text's embedding, of length 1; all zeros for a text without a single word. */
    public float[] embed(String text) {
        List<Integer> ids = tokenizer.ids(text);
        float[] sum = new float[DIMENSIONS];
        if (ids.isEmpty()) {
            return sum;
        }
        int perWindow = WINDOW - 2;
        for (int start = 0; start < ids.size(); start += perWindow) {
            List<Integer> window = ids.subList(start, Math.min(ids.size(), start + perWindow));
            float[] mean = windowMean(window);
            for (int i = 0; i < DIMENSIONS; i++) {
                sum[i] += mean[i] * window.size();
            }
        }
        return normalised(sum);
    }

    /** The mean of the model's output vectors over one window's tokens and its two markers. */
    private float[] windowMean(List<Integer> pieces) {
        int length = pieces.size() + 2;
        long[] ids = new long[length];
        ids[0] = tokenizer.id(WordPieceTokenizer.CLS);
        for (int i = 0; i < pieces.size(); i++) {
            ids[i + 1] = pieces.get(i);
        }
        ids[length - 1] = tokenizer.id(WordPieceTokenizer.SEP);
        long[] mask = new long[length];
        Arrays.fill(mask, 1);
        long[] shape = {1, length};
        List<OnnxTensor> inputs = new ArrayList<>(3);
        try {
            OnnxTensor inputIds = track(inputs, OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            OnnxTensor attention = track(inputs, OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            OnnxTensor types = track(inputs, OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[length]), shape));
            try (OrtSession.Result result = session.run(Map.of(
                    "input_ids", inputIds, "attention_mask", attention, "token_type_ids", types))) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] mean = new float[DIMENSIONS];
                for (int t = 0; t < length; t++) {
                    for (int i = 0; i < DIMENSIONS; i++) {
                        mean[i] += hidden.get(t * DIMENSIONS + i);
                    }
                }
                for (int i = 0; i < DIMENSIONS; i++) {
                    mean[i] /= length;
                }
                return mean;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Text embedding failed: " + e.getMessage(), e);
        } finally {
            inputs.forEach(OnnxTensor::close);
        }
    }

    private static OnnxTensor track(List<OnnxTensor> open, OnnxTensor tensor) {
        open.add(tensor);
        return tensor;
    }

    /** The vector scaled to length 1; a zero vector stays zero. */
    static float[] normalised(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += (double) v * v;
        }
        if (squares == 0) {
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(squares));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    /** The dot product, which is the cosine for two unit vectors. */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Vectors of " + a.length + " and " + b.length + " features");
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Could not release the text embedding model", e);
        }
    }
}
