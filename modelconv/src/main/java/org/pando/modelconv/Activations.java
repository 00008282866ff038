package org.pando.modelconv;

import java.util.List;

/** Element-wise activations: Relu, Relu6 (a Clip to [0, 6]) and Sigmoid. */
final class Activations {
    private static final String ZERO = "pando/zero";
    private static final String SIX = "pando/six";

    private Activations() {
    }

    static TensorValue apply(String activation, TensorValue input, String output, TranslationContext context) {
        return switch (activation) {
            case "Relu" -> context.emit("Relu", output, List.of(input.name()), input.shape());
            case "Sigmoid" -> context.emit("Sigmoid", output, List.of(input.name()), input.shape());
            case "Relu6" -> {
                String zero = context.initializer(OnnxTensor.floats(ZERO, Shape.of(), new float[] {0f}));
                String six = context.initializer(OnnxTensor.floats(SIX, Shape.of(), new float[] {6f}));
                yield context.emit("Clip", output, List.of(input.name(), zero, six), input.shape());
            }
            default -> throw new ModelConversionFailed("unsupported activation " + activation);
        };
    }

    /** The translation of a stand-alone activation node. */
    static OpTranslation node(String activation) {
        return (node, context) -> apply(activation, context.input(node, 0), node.name(), context);
    }
}
