package org.pando.modelconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The converted models, run by onnxruntime, against the values the original models gave under
 * TensorFlow.js for the same inputs (recorded by {@code modelconv/npm/reference.mjs}).
 */
class ModelParityTest {
    /** Every recorded output value: absolute. */
    private static final double TOLERANCE = 1e-4;
    /**
     * The feature vector's sum and L2 norm, aggregates of 1792 values whose float32 rounding differences
     * add up (about 1.5e-4 on a sum of 318): relative. A bias shared by all features still shows.
     */
    private static final double AGGREGATE_RELATIVE_TOLERANCE = 1e-6;

    private static OrtEnvironment environment;
    private static OrtSession.SessionOptions options;

    @BeforeAll
    static void startRuntime() {
        environment = OrtEnvironment.getEnvironment();
        options = new OrtSession.SessionOptions();
    }

    @AfterAll
    static void stopRuntime() {
        options.close();
    }

    @Test
    void nsfwClassifierGivesNsfwjssProbabilitiesAndFeatures() throws OrtException {
        Literal reference = reference("nsfw.json");
        assertThat(reference.field("classes").items().stream().map(Literal::text).toList()).as("class order")
                .isEqualTo(ConvertedModel.NSFW.labels());
        MaxDifference probabilityDifference = new MaxDifference();
        MaxDifference featureDifference = new MaxDifference();
        MaxDifference aggregateDifference = new MaxDifference();
        try (OrtSession session = session(ConvertedModel.NSFW)) {
            assertThat(((TensorInfo) session.getInputInfo().get("image").getInfo()).getShape()).as("NHWC input with a free batch")
                    .containsExactly(-1, 224, 224, 3);
            for (Literal c : reference.field("cases").items()) {
                String name = c.field("name").text();
                try (OnnxTensor image = image(c.field("input").text(), 224);
                        OrtSession.Result result = session.run(Map.of("image", image))) {
                    float[] probabilities = ((float[][]) result.get("probabilities").orElseThrow().getValue())[0];
                    float[] features = ((float[][]) result.get("features").orElseThrow().getValue())[0];
                    compare(name + " probability", probabilities, numbers(c.field("probabilities")), probabilityDifference);
                    compare(name + " feature", features, numbers(c.field("features")), featureDifference);
                    compareAggregate(name + " feature sum", sum(features), c.field("featureSum").number(), aggregateDifference);
                    compareAggregate(name + " feature L2 norm", norm(features), c.field("featureNorm").number(), aggregateDifference);
                }
            }
        }
        System.out.printf("[parity] %s: max |onnx - tfjs| probabilities %.3g, features %.3g; feature sum and norm relative %.3g%n",
                ConvertedModel.NSFW.fileName(), probabilityDifference.value, featureDifference.value, aggregateDifference.value);
    }

    @Test
    void selfieSegmentationGivesTheOriginalsMask() throws OrtException {
        Literal reference = reference("selfie.json");
        List<Long> grid = reference.field("grid").items().stream().map(Literal::integer).toList();
        MaxDifference difference = new MaxDifference();
        try (OrtSession session = session(ConvertedModel.SELFIE_SEGMENTATION)) {
            for (Literal c : reference.field("cases").items()) {
                String name = c.field("name").text();
                try (OnnxTensor image = image(c.field("input").text(), 256);
                        OrtSession.Result result = session.run(Map.of("image", image))) {
                    float[][] mask = ((float[][][][]) result.get("mask").orElseThrow().getValue())[0][0];
                    assertThat(mask.length).as("mask height").isEqualTo(256);
                    double[] samples = numbers(c.field("samples"));
                    float[] actual = new float[samples.length];
                    for (int row = 0; row < grid.size(); row++) {
                        for (int column = 0; column < grid.size(); column++) {
                            actual[row * grid.size() + column] = mask[grid.get(row).intValue()][grid.get(column).intValue()];
                        }
                    }
                    compare(name + " mask sample", actual, samples, difference);
                    double mean = mean(mask);
                    difference.add(Math.abs(mean - c.field("mean").number()));
                    assertThat(mean).as("%s mean mask value", name).isCloseTo(c.field("mean").number(), within(TOLERANCE));
                }
            }
        }
        System.out.printf("[parity] %s: max |onnx - tfjs| mask samples and means %.3g%n", ConvertedModel.SELFIE_SEGMENTATION.fileName(), difference.value);
    }

    private static final class MaxDifference {
        double value;

        void add(double difference) {
            value = Math.max(value, difference);
        }
    }

    private static void compare(String what, float[] actual, double[] expected, MaxDifference difference) {
        assertThat(actual).as("%s count", what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            difference.add(Math.abs(actual[i] - expected[i]));
            assertThat((double) actual[i]).as("%s %d (onnxruntime vs TensorFlow.js)", what, i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    private static void compareAggregate(String what, double actual, double expected, MaxDifference difference) {
        double relative = Math.abs(actual - expected) / Math.abs(expected);
        difference.add(relative);
        assertThat(relative).as("%s: %s (onnxruntime) vs %s (TensorFlow.js), relative difference", what, actual, expected)
                .isLessThanOrEqualTo(AGGREGATE_RELATIVE_TOLERANCE);
    }

    private static OrtSession session(ConvertedModel model) throws OrtException {
        Path file = Path.of(System.getProperty("pando.models", "target/models")).resolve(model.fileName());
        assertThat(file).as("the converted model (made by the build after compile)").isRegularFile();
        return environment.createSession(file.toString(), options);
    }

    /** The raw RGB input as the libraries feed it: [1, size, size, 3], each value pixel / 255. */
    private static OnnxTensor image(String resource, int size) throws OrtException {
        byte[] rgb = resource("reference/" + resource);
        assertThat(rgb).as("raw RGB %dx%d input %s", size, size, resource).hasSize(size * size * 3);
        float[] values = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            // Divided in double and rounded once, as a JavaScript Float32Array store of pixel / 255 is.
            values[i] = (float) (Byte.toUnsignedInt(rgb[i]) / 255.0);
        }
        return OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), new long[] {1, size, size, 3});
    }

    private static Literal reference(String name) {
        return LiteralReader.read(new String(resource("reference/" + name), StandardCharsets.UTF_8));
    }

    private static byte[] resource(String path) {
        try (InputStream in = ModelParityTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as("test resource %s (recorded by modelconv/npm/reference.mjs)", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] numbers(Literal array) {
        return array.items().stream().mapToDouble(Literal::number).toArray();
    }

    private static double sum(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    private static double norm(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
    }

    private static double mean(float[][] mask) {
        double sum = 0;
        for (float[] row : mask) {
            for (float value : row) {
                sum += value;
            }
        }
        return sum / (mask.length * mask[0].length);
    }
}
