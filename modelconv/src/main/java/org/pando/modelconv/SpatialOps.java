package org.pando.modelconv;

import java.util.ArrayList;
import java.util.List;

/**
 * Ops that know about the layout: {@code AvgPool} becomes {@code AveragePool}, {@code ResizeBilinear}
 * becomes a linear {@code Resize}, and {@code Squeeze} has its NHWC axes renumbered for NCHW.
 */
final class SpatialOps {
    /** Where each NHWC axis sits in NCHW. */
    private static final int[] CHANNELS_FIRST_AXIS = {0, 2, 3, 1};

    private SpatialOps() {
    }

    /** TensorFlow leaves padded cells out of the average, as ONNX does by default ({@code count_include_pad = 0}). */
    static TensorValue avgPool(TfjsNode node, TranslationContext context) {
        TensorValue input = ConvolutionOps.requireFourDimensional(node, context.input(node, 0));
        Window window = Window.pooling(node);
        if (window.dilationHeight() != 1 || window.dilationWidth() != 1) {
            throw new ModelConversionFailed(node.describe() + " is dilated; pooling with dilations is not supported");
        }
        return context.emit("AveragePool", node.name(), List.of(input.name()), window.outputShape(input, input.dim(1)),
                window.kernelShape(), window.strides(), window.autoPad());
    }

    /**
     * {@code align_corners} and {@code half_pixel_centers} map to ONNX's coordinate transformations of the
     * same names; neither is {@code asymmetric}. The target size is given as {@code sizes}, so the batch and
     * channel counts must be known.
     */
    static TensorValue resizeBilinear(TfjsNode node, TranslationContext context) {
        TensorValue input = ConvolutionOps.requireFourDimensional(node, context.input(node, 0));
        int[] size = context.ints(node, 1).values();
        if (size.length != 2) {
            throw new ModelConversionFailed(node.describe() + " resizes to " + size.length + " dimensions; expected height and width");
        }
        if (input.dim(0) == Shape.UNKNOWN || input.dim(1) == Shape.UNKNOWN) {
            throw new ModelConversionFailed(node.describe() + " needs known batch and channel counts, not " + input.shape());
        }
        boolean alignCorners = node.bool("align_corners", false);
        boolean halfPixelCenters = node.bool("half_pixel_centers", false);
        String coordinates = alignCorners ? "align_corners" : halfPixelCenters ? "half_pixel" : "asymmetric";
        Shape shape = Shape.of(input.dim(0), input.dim(1), size[0], size[1]);
        String sizes = context.initializer(OnnxTensor.int64s(node.name() + "/sizes", Shape.of(4), shape.toArray()));
        return context.emit("Resize", node.name(), List.of(input.name(), "", "", sizes), shape,
                OnnxAttribute.of("mode", "linear"), OnnxAttribute.of("coordinate_transformation_mode", coordinates));
    }

    /** Squeezing must leave the remaining axes in the same order in both layouts (as squeezing H and W does). */
    static TensorValue squeeze(TfjsNode node, TranslationContext context) {
        TensorValue input = context.input(node, 0);
        List<Long> dims = node.ints("squeeze_dims");
        if (dims.isEmpty()) {
            throw new ModelConversionFailed(node.describe() + " squeezes every unit axis; only explicit squeeze_dims are supported");
        }
        boolean[] squeezed = new boolean[input.rank()];
        for (long dim : dims) {
            int axis = (int) (dim < 0 ? dim + input.rank() : dim);
            squeezed[input.rank() == 4 ? CHANNELS_FIRST_AXIS[axis] : axis] = true;
        }
        List<Long> remaining = new ArrayList<>();
        long[] axes = new long[dims.size()];
        int next = 0;
        for (int axis = 0; axis < input.rank(); axis++) {
            if (!squeezed[axis]) {
                remaining.add(input.dim(axis));
            } else if (input.dim(axis) != 1) {
                throw new ModelConversionFailed(node.describe() + " squeezes axis " + axis + " of " + input.shape() + ", which is not 1");
            } else {
                axes[next++] = axis;
            }
        }
        if (input.rank() == 4 && !layoutFreeAfterSqueeze(squeezed)) {
            throw new ModelConversionFailed(node.describe() + " would leave a channels-first tensor whose axes differ from the original's");
        }
        String axesName = context.initializer(OnnxTensor.int64s(node.name() + "/axes", Shape.of(axes.length), axes));
        return context.emit("Squeeze", node.name(), List.of(input.name(), axesName), new Shape(remaining));
    }

    /** Whether the NHWC axes left after squeezing keep their order when read in NCHW. */
    private static boolean layoutFreeAfterSqueeze(boolean[] squeezedChannelsFirst) {
        int previous = -1;
        for (int nhwcAxis = 0; nhwcAxis < 4; nhwcAxis++) {
            int position = CHANNELS_FIRST_AXIS[nhwcAxis];
            if (!squeezedChannelsFirst[position]) {
                if (position < previous) {
                    return false;
                }
                previous = position;
            }
        }
        return true;
    }
}
