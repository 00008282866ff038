package org.pando.modelconv;

/**
 * Reorders weights from TensorFlow's channels-last layouts to the ones ONNX operators expect. Done once at
 * conversion time, so the ONNX graph needs no transposes around its convolutions.
 */
final class WeightLayout {
    private WeightLayout() {
    }

    /** A convolution filter from TensorFlow's {@code [height, width, in, out]} to ONNX's {@code [out, in, height, width]}. */
    static Constant.Floats convolutionFilter(Constant.Floats hwio) {
        requireRank(hwio, 4, "a convolution filter");
        return permuted(hwio, 3, 2, 0, 1);
    }

    /**
     * A depthwise filter from TensorFlow's {@code [height, width, channels, multiplier]} to the grouped
     * convolution filter {@code [channels * multiplier, 1, height, width]}; output channel
     * {@code c * multiplier + m} reads input channel {@code c}, as in TensorFlow.
     */
    static Constant.Floats depthwiseFilter(Constant.Floats hwcm) {
        requireRank(hwcm, 4, "a depthwise filter");
        Constant.Floats cmhw = permuted(hwcm, 2, 3, 0, 1);
        Shape shape = cmhw.shape();
        return cmhw.reshaped(Shape.of(shape.dim(0) * shape.dim(1), 1, shape.dim(2), shape.dim(3)));
    }

    /**
     * A transposed convolution filter: TensorFlow's {@code [height, width, out, in]} to ONNX ConvTranspose's
     * {@code [in, out, height, width]}; the same axis order as {@link #convolutionFilter}.
     */
    static Constant.Floats transposedConvolutionFilter(Constant.Floats hwoi) {
        requireRank(hwoi, 4, "a transposed convolution filter");
        return permuted(hwoi, 3, 2, 0, 1);
    }

    /**
     * A constant operand of an element-wise operation with a channels-first tensor: per-channel vectors
     * {@code [C]} become {@code [C, 1, 1]}, NHWC tensors become NCHW, scalars stay.
     */
    static Constant.Floats channelsFirstOperand(Constant.Floats constant) {
        return switch (constant.shape().rank()) {
            case 0 -> constant;
            case 1 -> constant.reshaped(Shape.of(constant.shape().dim(0), 1, 1));
            case 4 -> permuted(constant, 0, 3, 1, 2);
            default -> throw new ModelConversionFailed("a constant of shape " + constant.shape()
                    + " cannot be combined with a channels-first tensor");
        };
    }

    /** The constant with its axes reordered: axis {@code i} of the result is axis {@code order[i]} of the source. */
    static Constant.Floats permuted(Constant.Floats source, int... order) {
        Shape from = source.shape();
        Shape to = from.permuted(order);
        int rank = from.rank();
        int[] sourceStrides = new int[rank];
        int stride = 1;
        for (int axis = rank - 1; axis >= 0; axis--) {
            sourceStrides[axis] = stride;
            stride *= (int) from.dim(axis);
        }
        int[] step = new int[rank];
        int[] extent = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            step[axis] = sourceStrides[order[axis]];
            extent[axis] = (int) to.dim(axis);
        }
        float[] values = source.values();
        float[] result = new float[values.length];
        int[] index = new int[rank];
        int sourceIndex = 0;
        for (int target = 0; target < result.length; target++) {
            result[target] = values[sourceIndex];
            for (int axis = rank - 1; axis >= 0; axis--) {
                index[axis]++;
                sourceIndex += step[axis];
                if (index[axis] < extent[axis]) {
                    break;
                }
                sourceIndex -= step[axis] * extent[axis];
                index[axis] = 0;
            }
        }
        return new Constant.Floats(to, result);
    }

    private static void requireRank(Constant.Floats constant, int rank, String what) {
        if (constant.shape().rank() != rank) {
            throw new ModelConversionFailed("expected " + what + " of rank " + rank + " but its shape is " + constant.shape());
        }
    }
}
