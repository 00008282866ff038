package org.pando.modelconv;

import java.util.List;

/**
 * The ONNX models this module produces, as other modules find them: the file name (in
 * {@code modelconv/target/models/} after a build, and in this module's jar under {@link #resourcePath()}),
 * the input name and the output names.
 *
 * <pre>{@code
 * try (InputStream onnx = ConvertedModel.class.getResourceAsStream("/" + ConvertedModel.NSFW.resourcePath())) {
 *     Files.copy(onnx, modelsDirectory.resolve(ConvertedModel.NSFW.fileName()));
 * }
 * }</pre>
 */
public enum ConvertedModel {
    /**
     * nsfwjs's MobileNetV2Mid classifier. Input {@code image}: float {@code [N, 224, 224, 3]}, RGB channels
     * last, each value {@code pixel / 255}. Outputs {@code probabilities} {@code [N, 5]} (softmax, in the
     * order of {@link #labels()}) and {@code features} {@code [N, 1792]} (the pooled image embedding).
     */
    NSFW("nsfw-mobilenet-v2.onnx", List.of("probabilities", "features"), List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy")),

    /**
     * MediaPipe selfie segmentation. Input {@code image}: float {@code [1, 256, 256, 3]}, RGB channels last,
     * each value {@code pixel / 255}. Output {@code mask} {@code [1, 1, 256, 256]}: the probability that each
     * pixel shows a person (the same values, in the same order, as the original's {@code [1, 256, 256, 1]}).
     */
    SELFIE_SEGMENTATION("selfie-segmentation.onnx", List.of("mask"), List.of());

    private final String fileName;
    private final List<String> outputNames;
    private final List<String> labels;

    ConvertedModel(String fileName, List<String> outputNames, List<String> labels) {
        this.fileName = fileName;
        this.outputNames = outputNames;
        this.labels = labels;
    }

    public String fileName() {
        return fileName;
    }

    /** Where the jar holds the model, e.g. {@code models/nsfw-mobilenet-v2.onnx}; a {@code .sha256} file lies beside it. */
    public String resourcePath() {
        return "models/" + fileName;
    }

    /** The name of the one input. */
    public String inputName() {
        return "image";
    }

    public List<String> outputNames() {
        return outputNames;
    }

    /** The class names of a classifier's probabilities, in output order; empty for other models. */
    public List<String> labels() {
        return labels;
    }
}
