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
 * How much of a picture shows people, by MediaPipe's selfie segmentation (converted to ONNX by
 * {@code modelconv}) run with ONNX Runtime on the CPU. A picture is fed as Human feeds it: resized to 256 x 256
 * by TensorFlow's bilinear resize without aligned corners, values {@code pixel / 255}. The share of mask pixels
 * above {@link #PERSON} is the coverage.
 * Thread-safe.
 */
final class PersonSegmenter implements AutoCloseable {
    static final int SIZE = 256;
    /** Mask value (a per-pixel probability) above which a pixel shows a person. */
    static final float PERSON = 0.5f;
    private static final ConvertedModel MODEL = ConvertedModel.SELFIE_SEGMENTATION;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    private PersonSegmenter(OrtSession session) {
        this.session = session;
    }

    /** Loads the model from modelconv's jar, checking it against the checksum beside it. */
    static PersonSegmenter load() {
        return new PersonSegmenter(BundledModel.withDigestFile("person segmentation", "/" + MODEL.resourcePath()).open());
    }

    /** The share of the picture, 0 to 1, that shows people. */
    double coverage(RgbFrame frame) {
        float[] input = PictureScaling.bilinear(frame, SIZE, SIZE, false);
        for (int i = 0; i < input.length; i++) {
            input[i] /= 255;
        }
        try (OnnxTensor image = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), new long[] {1, SIZE, SIZE, 3});
                OrtSession.Result result = session.run(Map.of(MODEL.inputName(), image))) {
            FloatBuffer mask = ((OnnxTensor) result.get(MODEL.outputNames().getFirst()).orElseThrow()).getFloatBuffer();
            int total = mask.remaining();
            int person = 0;
            while (mask.hasRemaining()) {
                if (mask.get() > PERSON) {
                    person++;
                }
            }
            return (double) person / total;
        } catch (OrtException e) {
            throw new IllegalStateException("Person segmentation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Could not release the person segmentation model", e);
        }
    }
}
