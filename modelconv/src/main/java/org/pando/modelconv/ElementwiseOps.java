package org.pando.modelconv;

import java.util.ArrayList;
import java.util.List;

/**
 * Element-wise arithmetic ({@code Add}, {@code AddV2}, {@code Sub}, {@code Mul}, {@code AddN}) and
 * {@code Identity}. A constant operand meeting a channels-first tensor is stored in a layout that broadcasts
 * the same way the original did against the channels-last tensor.
 */
final class ElementwiseOps {
    private ElementwiseOps() {
    }

    /** The translation of an n-ary element-wise op, written as the ONNX op {@code onnxOp}. */
    static OpTranslation of(String onnxOp) {
        return (node, context) -> {
            List<TensorValue> operands = operands(node, context);
            Shape shape = operands.getFirst().shape();
            for (TensorValue operand : operands.subList(1, operands.size())) {
                shape = shape.broadcast(operand.shape());
            }
            return context.emit(onnxOp, node.name(), operands.stream().map(TensorValue::name).toList(), shape);
        };
    }

    /** {@code Identity} adds nothing to the ONNX graph: the node stands for its input. */
    static TensorValue identity(TfjsNode node, TranslationContext context) {
        return context.input(node, 0);
    }

    private static List<TensorValue> operands(TfjsNode node, TranslationContext context) {
        int highestRank = 0;
        for (int i = 0; i < node.inputs().size(); i++) {
            if (!context.isConstant(node, i)) {
                highestRank = Math.max(highestRank, context.input(node, i).rank());
            }
        }
        List<TensorValue> operands = new ArrayList<>();
        boolean anyComputed = false;
        for (int i = 0; i < node.inputs().size(); i++) {
            if (context.isConstant(node, i)) {
                operands.add(constantOperand(node, i, highestRank == 4, context));
            } else {
                TensorValue computed = context.input(node, i);
                if (highestRank == 4 && computed.rank() != 4 && computed.rank() != 0) {
                    throw new ModelConversionFailed(node.describe() + " combines a four-dimensional tensor with " + computed.name() + " of shape " + computed.shape());
                }
                operands.add(computed);
                anyComputed = true;
            }
        }
        if (!anyComputed) {
            throw new ModelConversionFailed(node.describe() + " has only constant inputs; constant folding is not supported");
        }
        return operands;
    }

    private static TensorValue constantOperand(TfjsNode node, int index, boolean channelsFirst, TranslationContext context) {
        Constant.Floats constant = context.floats(node, index);
        if (!channelsFirst || constant.shape().rank() == 0) {
            return new TensorValue(context.initializer(node.input(index), constant), constant.shape());
        }
        Constant.Floats adapted = WeightLayout.channelsFirstOperand(constant);
        return new TensorValue(context.initializer(node.input(index) + "/nchw", adapted), adapted.shape());
    }
}
