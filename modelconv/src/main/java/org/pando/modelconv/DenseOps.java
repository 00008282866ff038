package org.pando.modelconv;

import java.util.ArrayList;
import java.util.List;

/** The classifier head: {@code _FusedMatMul} becomes {@code Gemm} (the fused bias as its {@code C}), and {@code Softmax}. */
final class DenseOps {
    private DenseOps() {
    }

    static TensorValue fusedMatMul(TfjsNode node, TranslationContext context) {
        TensorValue input = context.input(node, 0);
        Constant.Floats weights = context.floats(node, 1);
        if (input.rank() != 2 || weights.shape().rank() != 2) {
            throw new ModelConversionFailed(node.describe() + " multiplies " + input.shape() + " by " + weights.shape() + "; only matrices are supported");
        }
        boolean transposeA = node.bool("transpose_a", false);
        boolean transposeB = node.bool("transpose_b", false);
        FusedOps fused = FusedOps.of(node);
        List<String> inputs = new ArrayList<>(List.of(input.name(), context.initializer(node.input(1), weights)));
        if (fused.biasAdd()) {
            inputs.add(context.initializer(node.input(2), context.floats(node, 2)));
        }
        Shape shape = Shape.of(transposeA ? input.dim(1) : input.dim(0), transposeB ? weights.shape().dim(0) : weights.shape().dim(1));
        TensorValue product = context.emit("Gemm", fused.preActivationName(node), inputs, shape,
                OnnxAttribute.of("transA", transposeA ? 1 : 0), OnnxAttribute.of("transB", transposeB ? 1 : 0));
        return fused.applyActivation(node, product, context);
    }

    /** TensorFlow's softmax runs over the last axis, which for a channels-first tensor is axis 1. */
    static TensorValue softmax(TfjsNode node, TranslationContext context) {
        TensorValue input = context.input(node, 0);
        long axis = input.rank() == 4 ? 1 : input.rank() - 1;
        return context.emit("Softmax", node.name(), List.of(input.name()), input.shape(), OnnxAttribute.of("axis", axis));
    }
}
