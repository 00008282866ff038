package org.pando.understanding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import org.pando.media.RgbFrame;
import org.pando.modelconv.ConvertedModel;

/**
 * Judges whether pictures are inappropriate with nsfwjs's MobileNetV2 classifier (converted to ONNX by
 * {@code modelconv}) run with ONNX Runtime on the CPU. A picture is fed as nsfwjs feeds it: resized to 224 x 224
 * by TensorFlow's bilinear resize with aligned corners, values {@code pixel / 255}. Besides the five class
 * probabilities the model gives its pooled 1792-d image embedding. Thread-safe.
 *
 * <p>The score of a picture is {@code Porn + Hentai + 0.5 * Sexy}: explicit material, drawn or filmed, counts
 * fully; suggestive material (swimwear, underwear, poses) half, since it is often acceptable. Drawing and Neutral
 * count nothing. The probabilities sum to 1, so the score lies between 0 and 1.
 */
final class NsfwClassifier implements AutoCloseable {
    static final int SIZE = 224;
    /** Features of the image embedding. */
    static final int FEATURES = 1792;
    private static final ConvertedModel MODEL = ConvertedModel.NSFW;
    private static final int CLASSES = MODEL.labels().size();
    private static final int PORN = MODEL.labels().indexOf("Porn");
    private static final int HENTAI = MODEL.labels().indexOf("Hentai");
    private static final int SEXY = MODEL.labels().indexOf("Sexy");

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    private NsfwClassifier(OrtSession session) {
        this.session = session;
    }

    /** Loads the model from modelconv's jar, checking it against the checksum beside it. */
    static NsfwClassifier load() {
        return new NsfwClassifier(BundledModel.withDigestFile("NSFW classification", "/" + MODEL.resourcePath()).open());
    }

    /** The score and embedding of one picture. */
    Reading read(RgbFrame frame) {
        float[] input = PictureScaling.bilinear(frame, SIZE, SIZE, true);
        for (int i = 0; i < input.length; i++) {
            input[i] /= 255;
        }
        try (OnnxTensor image = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), new long[] {1, SIZE, SIZE, 3});
                OrtSession.Result result = session.run(Map.of(MODEL.inputName(), image))) {
            float[] probabilities = new float[CLASSES];
            output(result, MODEL.outputNames().get(0)).get(probabilities);
            float[] features = new float[FEATURES];
            output(result, MODEL.outputNames().get(1)).get(features);
            return new Reading(score(probabilities), features);
        } catch (OrtException e) {
            throw new IllegalStateException("NSFW classification failed: " + e.getMessage(), e);
        }
    }

    /** {@code Porn + Hentai + 0.5 * Sexy}, from probabilities in the model's label order. */
    static double score(float[] probabilities) {
        return probabilities[PORN] + probabilities[HENTAI] + 0.5 * probabilities[SEXY];
    }

    private static FloatBuffer output(OrtSession.Result result, String name) {
        return ((OnnxTensor) result.get(name).orElseThrow(
                () -> new IllegalStateException("The NSFW model has no output " + name))).getFloatBuffer();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Could not release the NSFW classification model", e);
        }
    }

    /**
     * What the classifier made of one picture.
     *
     * @param score    {@code Porn + Hentai + 0.5 * Sexy}, 0 to 1
     * @param features the picture's {@link #FEATURES}-d embedding
     */
    record Reading(double score, float[] features) {
    }
}
