package org.pando.modelconv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Convolutions: {@code Conv2D} and {@code _FusedConv2D} become {@code Conv} (with the fused bias as its
 * {@code B} input and the fused activation after it), the depthwise forms become a {@code Conv} with one
 * group per input channel, and {@code Conv2DBackpropInput} becomes {@code ConvTranspose}.
 */
final class ConvolutionOps {
    private ConvolutionOps() {
    }

    static TensorValue conv2d(TfjsNode node, TranslationContext context) {
        return convolution(node, context, false, new FusedOps(false, Optional.empty()));
    }

    static TensorValue fusedConv2d(TfjsNode node, TranslationContext context) {
        return convolution(node, context, false, FusedOps.of(node));
    }

    static TensorValue depthwiseConv2d(TfjsNode node, TranslationContext context) {
        return convolution(node, context, true, new FusedOps(false, Optional.empty()));
    }

    static TensorValue fusedDepthwiseConv2d(TfjsNode node, TranslationContext context) {
        return convolution(node, context, true, FusedOps.of(node));
    }

    private static TensorValue convolution(TfjsNode node, TranslationContext context, boolean depthwise, FusedOps fused) {
        TensorValue input = requireFourDimensional(node, context.input(node, 0));
        Constant.Floats filter = context.floats(node, 1);
        Constant.Floats weights = depthwise ? WeightLayout.depthwiseFilter(filter) : WeightLayout.convolutionFilter(filter);
        long inputChannels = filter.shape().dim(2);
        if (input.dim(1) != inputChannels) {
            throw new ModelConversionFailed(node.describe() + " has a filter for " + inputChannels + " channels but its input has shape " + input.shape());
        }
        List<String> inputs = new ArrayList<>(List.of(input.name(), context.initializer(node.input(1) + (depthwise ? "/grouped" : "/oihw"), weights)));
        if (fused.biasAdd()) {
            inputs.add(context.initializer(node.input(2), context.floats(node, 2)));
        }
        Window window = Window.of(node, filter.shape().dim(0), filter.shape().dim(1));
        long outputChannels = weights.shape().dim(0);
        TensorValue convolved = context.emit("Conv", fused.preActivationName(node), inputs, window.outputShape(input, outputChannels),
                window.kernelShape(), window.strides(), window.dilations(), window.autoPad(),
                OnnxAttribute.of("group", depthwise ? inputChannels : 1));
        return fused.applyActivation(node, convolved, context);
    }

    /**
     * {@code Conv2DBackpropInput(output_size, filter, input)}: the output size is a constant NHWC shape;
     * with SAME padding TensorFlow crops {@code floor(total / 2)} at the start and the rest at the end.
     */
    static TensorValue conv2dBackpropInput(TfjsNode node, TranslationContext context) {
        Window.requireChannelsLast(node);
        int[] outputSize = context.ints(node, 0).values();
        Constant.Floats filter = context.floats(node, 1);
        TensorValue input = requireFourDimensional(node, context.input(node, 2));
        if (Padding.of(node) != Padding.SAME) {
            throw new ModelConversionFailed(node.describe() + " uses VALID padding; only SAME is supported for transposed convolutions");
        }
        if (input.dim(1) != filter.shape().dim(3)) {
            throw new ModelConversionFailed(node.describe() + " has a filter for " + filter.shape().dim(3) + " channels but its input has shape " + input.shape());
        }
        Window window = Window.of(node, filter.shape().dim(0), filter.shape().dim(1));
        long[] kernel = {window.kernelHeight(), window.kernelWidth()};
        long[] stride = {window.strideHeight(), window.strideWidth()};
        long[] dilation = {window.dilationHeight(), window.dilationWidth()};
        long[] pads = new long[4];
        long[] outputPadding = new long[2];
        for (int axis = 0; axis < 2; axis++) {
            long inputLength = input.dim(2 + axis);
            if (inputLength == Shape.UNKNOWN) {
                throw new ModelConversionFailed(node.describe() + " needs a known input size, not " + input.shape());
            }
            long full = (inputLength - 1) * stride[axis] + (kernel[axis] - 1) * dilation[axis] + 1;
            long total = full - outputSize[1 + axis];
            if (total >= 0) {
                pads[axis] = total / 2;
                pads[2 + axis] = total - total / 2;
            } else {
                outputPadding[axis] = -total;
            }
        }
        Constant.Floats weights = WeightLayout.transposedConvolutionFilter(filter);
        List<String> inputs = List.of(input.name(), context.initializer(node.input(1) + "/iohw", weights));
        Shape shape = Shape.of(input.dim(0), filter.shape().dim(2), outputSize[1], outputSize[2]);
        return context.emit("ConvTranspose", node.name(), inputs, shape,
                window.kernelShape(), window.strides(), window.dilations(),
                OnnxAttribute.ints("pads", pads), OnnxAttribute.ints("output_padding", outputPadding));
    }

    static TensorValue requireFourDimensional(TfjsNode node, TensorValue value) {
        if (value.rank() != 4) {
            throw new ModelConversionFailed(node.describe() + " expects a four-dimensional input but " + value.name() + " has shape " + value.shape());
        }
        return value;
    }
}
