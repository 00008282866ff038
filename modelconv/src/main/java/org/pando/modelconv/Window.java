package org.pando.modelconv;

import java.util.List;

/**
 * The sliding window of a convolution or pooling node: kernel, strides, dilations and padding along height
 * and width, read from TensorFlow's NHWC attributes ({@code strides = [1, h, w, 1]}).
 */
record Window(long kernelHeight, long kernelWidth, long strideHeight, long strideWidth, long dilationHeight, long dilationWidth, Padding padding) {

    static Window of(TfjsNode node, long kernelHeight, long kernelWidth) {
        requireChannelsLast(node);
        List<Long> strides = spatial(node, "strides");
        List<Long> dilations = node.attributes().containsKey("dilations") ? spatial(node, "dilations") : List.of(1L, 1L);
        return new Window(kernelHeight, kernelWidth, strides.get(0), strides.get(1), dilations.get(0), dilations.get(1), Padding.of(node));
    }

    /** The window of a pooling node, whose kernel is its {@code ksize} attribute. */
    static Window pooling(TfjsNode node) {
        List<Long> kernel = spatial(node, "ksize");
        return of(node, kernel.get(0), kernel.get(1));
    }

    /** Fails unless the node works on channels-last data, the only layout TensorFlow.js graphs use. */
    static void requireChannelsLast(TfjsNode node) {
        String format = node.optionalString("data_format").orElse("NHWC");
        if (!format.equals("NHWC")) {
            throw new ModelConversionFailed(node.describe() + " uses data format " + format + "; only NHWC is supported");
        }
    }

    /** The output shape, channels first, for a channels-first input and {@code channels} output channels. */
    Shape outputShape(TensorValue input, long channels) {
        return Shape.of(input.dim(0), channels,
                padding.outputSize(input.dim(2), kernelHeight, strideHeight, dilationHeight),
                padding.outputSize(input.dim(3), kernelWidth, strideWidth, dilationWidth));
    }

    OnnxAttribute kernelShape() {
        return OnnxAttribute.ints("kernel_shape", kernelHeight, kernelWidth);
    }

    OnnxAttribute strides() {
        return OnnxAttribute.ints("strides", strideHeight, strideWidth);
    }

    OnnxAttribute dilations() {
        return OnnxAttribute.ints("dilations", dilationHeight, dilationWidth);
    }

    OnnxAttribute autoPad() {
        return OnnxAttribute.of("auto_pad", padding.autoPad());
    }

    private static List<Long> spatial(TfjsNode node, String attribute) {
        List<Long> values = node.ints(attribute);
        if (values.size() != 4 || values.get(0) != 1 || values.get(3) != 1) {
            throw new ModelConversionFailed(node.describe() + " has " + attribute + " " + values + "; expected [1, height, width, 1]");
        }
        return List.of(values.get(1), values.get(2));
    }
}
