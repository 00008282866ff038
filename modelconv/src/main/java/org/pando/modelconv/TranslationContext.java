package org.pando.modelconv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one graph translation: which TensorFlow node became which ONNX tensor, and the ONNX nodes,
 * initializers and inputs written so far. Op translations read their inputs and emit nodes through it.
 */
final class TranslationContext {
    private final TfjsModel model;
    private final Map<String, TensorValue> translated = new HashMap<>();
    private final List<OnnxNode> nodes = new ArrayList<>();
    private final Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
    private final List<OnnxValueInfo> inputs = new ArrayList<>();
    private final Set<String> producedNames = new HashSet<>();

    TranslationContext(TfjsModel model) {
        this.model = model;
    }

    /** Whether input {@code index} of the node is a constant (a weight) rather than a computed tensor. */
    boolean isConstant(TfjsNode node, int index) {
        return model.node(node.input(index)).map(input -> input.op().equals("Const")).orElse(false);
    }

    /** The computed tensor feeding input {@code index}; fails when it is a constant. */
    TensorValue input(TfjsNode node, int index) {
        if (isConstant(node, index)) {
            throw new ModelConversionFailed(node.describe() + " expects a computed tensor as input " + index + " but reads the constant " + node.input(index));
        }
        return value(node.input(index));
    }

    /** The float weight feeding input {@code index}. */
    Constant.Floats floats(TfjsNode node, int index) {
        if (constant(node, index) instanceof Constant.Floats floats) {
            return floats;
        }
        throw new ModelConversionFailed(node.describe() + " expects float weights as input " + index);
    }

    /** The integer weight feeding input {@code index}. */
    Constant.Ints ints(TfjsNode node, int index) {
        if (constant(node, index) instanceof Constant.Ints ints) {
            return ints;
        }
        throw new ModelConversionFailed(node.describe() + " expects integer weights as input " + index);
    }

    private Constant constant(TfjsNode node, int index) {
        String name = node.input(index);
        if (!isConstant(node, index)) {
            throw new ModelConversionFailed(node.describe() + " expects a constant as input " + index + " but " + name + " is computed");
        }
        Constant weight = model.weights().get(name);
        if (weight == null) {
            throw new ModelConversionFailed("the constant " + name + " read by " + node.describe() + " has no entry in the weights manifest");
        }
        return weight;
    }

    /** Adds an initializer once; later calls with the same name return the name of the first. */
    String initializer(OnnxTensor tensor) {
        if (!initializers.containsKey(tensor.name())) {
            claim(tensor.name());
            initializers.put(tensor.name(), tensor);
        }
        return tensor.name();
    }

    /** Adds a float initializer once, named {@code name}. */
    String initializer(String name, Constant.Floats constant) {
        if (initializers.containsKey(name)) {
            return name;
        }
        return initializer(OnnxTensor.floats(name, constant.shape(), constant.values()));
    }

    /** Writes one ONNX node with a single output named {@code output}, of the given shape. */
    TensorValue emit(String opType, String output, List<String> nodeInputs, Shape shape, OnnxAttribute... attributes) {
        claim(output);
        nodes.add(new OnnxNode(opType, output, nodeInputs, List.of(output), Arrays.asList(attributes)));
        return new TensorValue(output, shape);
    }

    /** Declares a graph input. */
    TensorValue graphInput(OnnxValueInfo info) {
        claim(info.name());
        inputs.add(info);
        return new TensorValue(info.name(), info.shape());
    }

    /** Records the tensor a TensorFlow node became. */
    void bind(TfjsNode node, TensorValue value) {
        translated.put(node.name(), value);
    }

    /** The tensor a TensorFlow node became; fails when it has not been translated. */
    TensorValue value(String tfjsNode) {
        TensorValue value = translated.get(tfjsNode);
        if (value == null) {
            throw new ModelConversionFailed("the node " + tfjsNode + " is read before it is translated (or does not exist)");
        }
        return value;
    }

    /** The graph written so far, with these outputs. */
    OnnxGraph graph(String name, List<OnnxValueInfo> outputs) {
        return new OnnxGraph(name, nodes, List.copyOf(initializers.values()), inputs, outputs);
    }

    private void claim(String name) {
        if (!producedNames.add(name)) {
            throw new ModelConversionFailed("the ONNX graph would have two tensors named " + name);
        }
    }
}
