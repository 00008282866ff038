package org.pando.modelconv;

/** TensorFlow's padding modes for convolutions and pooling; SAME puts the odd extra row at the end. */
enum Padding {
    SAME("SAME_UPPER"),
    VALID("VALID");

    private final String autoPad;

    Padding(String autoPad) {
        this.autoPad = autoPad;
    }

    static Padding of(TfjsNode node) {
        String padding = node.string("padding");
        return switch (padding) {
            case "SAME" -> SAME;
            case "VALID" -> VALID;
            default -> throw new ModelConversionFailed(node.describe() + " uses padding " + padding + "; supported are SAME and VALID");
        };
    }

    /** ONNX's {@code auto_pad} with the same effect. */
    String autoPad() {
        return autoPad;
    }

    /** The output length along one spatial axis, or unknown when the input length is. */
    long outputSize(long input, long kernel, long stride, long dilation) {
        if (input == Shape.UNKNOWN) {
            return Shape.UNKNOWN;
        }
        long size = switch (this) {
            case SAME -> (input + stride - 1) / stride;
            case VALID -> (input - (kernel - 1) * dilation - 1) / stride + 1;
        };
        if (size <= 0) {
            throw new ModelConversionFailed("a window of " + kernel + " does not fit an input of " + input);
        }
        return size;
    }
}
