package org.pando.modelconv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Translates a TensorFlow.js graph into an ONNX graph: only the nodes the requested outputs depend on, in
 * dependency order, each by the translation of its op. The graph input stays channels last as the original
 * model takes it, and one {@code Transpose} makes everything after it channels first. Four-dimensional
 * outputs are channels first.
 */
final class GraphTranslator {
    private static final Map<String, OpTranslation> OPS = Map.ofEntries(
            Map.entry("Conv2D", ConvolutionOps::conv2d),
            Map.entry("_FusedConv2D", ConvolutionOps::fusedConv2d),
            Map.entry("DepthwiseConv2dNative", ConvolutionOps::depthwiseConv2d),
            Map.entry("FusedDepthwiseConv2dNative", ConvolutionOps::fusedDepthwiseConv2d),
            Map.entry("Conv2DBackpropInput", ConvolutionOps::conv2dBackpropInput),
            Map.entry("Add", ElementwiseOps.of("Add")),
            Map.entry("AddV2", ElementwiseOps.of("Add")),
            Map.entry("Sub", ElementwiseOps.of("Sub")),
            Map.entry("Mul", ElementwiseOps.of("Mul")),
            Map.entry("AddN", ElementwiseOps.of("Sum")),
            Map.entry("Identity", ElementwiseOps::identity),
            Map.entry("Relu", Activations.node("Relu")),
            Map.entry("Relu6", Activations.node("Relu6")),
            Map.entry("Sigmoid", Activations.node("Sigmoid")),
            Map.entry("_FusedMatMul", DenseOps::fusedMatMul),
            Map.entry("Softmax", DenseOps::softmax),
            Map.entry("AvgPool", SpatialOps::avgPool),
            Map.entry("ResizeBilinear", SpatialOps::resizeBilinear),
            Map.entry("Squeeze", SpatialOps::squeeze));

    private GraphTranslator() {
    }

    /** The ONNX graph computing the recipe's outputs from the recipe's inputs. */
    static OnnxGraph translate(TfjsModel model, ModelRecipe recipe) {
        TranslationContext context = new TranslationContext(model);
        List<String> outputNodes = recipe.outputs().stream().map(ModelRecipe.OutputBinding::tfjsNode).toList();
        for (TfjsNode node : dependencyOrder(model, outputNodes)) {
            context.bind(node, translation(node, recipe).translate(node, context));
        }
        List<OnnxValueInfo> outputs = new ArrayList<>();
        for (ModelRecipe.OutputBinding binding : recipe.outputs()) {
            TensorValue value = context.value(binding.tfjsNode());
            context.emit("Identity", binding.onnxName(), List.of(value.name()), value.shape());
            outputs.add(new OnnxValueInfo(binding.onnxName(), OnnxDataType.FLOAT, value.shape()));
        }
        return context.graph(recipe.target().fileName(), outputs);
    }

    /** The op names the translator knows, sorted. */
    static Set<String> supportedOps() {
        Set<String> ops = new TreeSet<>(OPS.keySet());
        ops.add("Placeholder");
        ops.add("Const");
        return ops;
    }

    private static OpTranslation translation(TfjsNode node, ModelRecipe recipe) {
        if (node.op().equals("Placeholder")) {
            return (placeholder, context) -> input(placeholder, recipe, context);
        }
        OpTranslation translation = OPS.get(node.op());
        if (translation == null) {
            throw new ModelConversionFailed("cannot convert " + recipe.target().fileName() + ": " + node.describe()
                    + " uses the TensorFlow op '" + node.op() + "', which the converter does not translate (it translates " + supportedOps() + ")");
        }
        return translation;
    }

    /** A graph input, channels last like the original; a four-dimensional one is transposed once to NCHW. */
    private static TensorValue input(TfjsNode node, ModelRecipe recipe, TranslationContext context) {
        String dtype = node.required("dtype").field("type").text();
        if (!dtype.equals("DT_FLOAT")) {
            throw new ModelConversionFailed(node.describe() + " takes " + dtype + "; only float inputs are supported");
        }
        long[] dims = node.required("shape").field("shape").field("dim").items().stream()
                .mapToLong(dim -> dim.field("size").integer())
                .map(size -> size < 0 ? Shape.UNKNOWN : size)
                .toArray();
        TensorValue input = context.graphInput(new OnnxValueInfo(recipe.inputName(node.name()), OnnxDataType.FLOAT, Shape.of(dims)));
        if (input.rank() != 4) {
            return input;
        }
        return context.emit("Transpose", node.name() + "/nchw", List.of(input.name()), input.shape().permuted(0, 3, 1, 2),
                OnnxAttribute.ints("perm", 0, 3, 1, 2));
    }

    /** The non-constant nodes the outputs depend on, each after every node it reads. */
    static List<TfjsNode> dependencyOrder(TfjsModel model, List<String> outputs) {
        List<TfjsNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> inProgress = new HashSet<>();
        for (String output : outputs) {
            visit(model, output, order, done, inProgress);
        }
        return order;
    }

    private static void visit(TfjsModel model, String name, List<TfjsNode> order, Set<String> done, Set<String> inProgress) {
        if (done.contains(name)) {
            return;
        }
        if (!inProgress.add(name)) {
            throw new ModelConversionFailed("the graph has a cycle through node " + name);
        }
        TfjsNode node = model.node(name).orElseThrow(() -> new ModelConversionFailed("the graph has no node named " + name));
        if (!node.op().equals("Const")) {
            for (String input : node.inputs()) {
                visit(model, input, order, done, inProgress);
            }
            order.add(node);
        }
        inProgress.remove(name);
        done.add(name);
    }
}
