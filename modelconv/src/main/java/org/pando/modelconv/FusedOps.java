package org.pando.modelconv;

import java.util.List;
import java.util.Optional;

/**
 * What Grappler fused into a {@code _FusedConv2D}, {@code FusedDepthwiseConv2dNative} or {@code _FusedMatMul}
 * node: a bias add (its bias is the node's third input) and, after it, an activation.
 */
record FusedOps(boolean biasAdd, Optional<String> activation) {
    private static final List<String> ACTIVATIONS = List.of("Relu", "Relu6");

    static FusedOps of(TfjsNode node) {
        List<String> ops = node.strings("fused_ops");
        if (ops.isEmpty()) {
            return new FusedOps(false, Optional.empty());
        }
        if (!ops.getFirst().equals("BiasAdd") || ops.size() > 2 || (ops.size() == 2 && !ACTIVATIONS.contains(ops.get(1)))) {
            throw new ModelConversionFailed(node.describe() + " fuses " + ops + "; supported are [BiasAdd] optionally followed by one of " + ACTIVATIONS);
        }
        return new FusedOps(true, ops.size() == 2 ? Optional.of(ops.get(1)) : Optional.empty());
    }

    /** The name of the node before the activation: the node's own name when nothing follows it. */
    String preActivationName(TfjsNode node) {
        return activation.isPresent() ? node.name() + "/preactivation" : node.name();
    }

    /** Applies the fused activation, if any, naming the result after the node. */
    TensorValue applyActivation(TfjsNode node, TensorValue input, TranslationContext context) {
        return activation.map(name -> Activations.apply(name, input, node.name(), context)).orElse(input);
    }
}
