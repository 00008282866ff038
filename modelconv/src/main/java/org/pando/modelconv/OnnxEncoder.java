package org.pando.modelconv;

/**
 * Serializes an {@link OnnxModel} as an ONNX {@code ModelProto}, with the field numbers of {@code onnx.proto}.
 * Repeated scalars declared without {@code [packed = true]} there ({@code TensorProto.dims},
 * {@code AttributeProto.ints}) are written one field per element, as a proto2 encoder does.
 */
final class OnnxEncoder {
    private OnnxEncoder() {
    }

    static byte[] encode(OnnxModel model) {
        return new ProtoWriter()
                .varint(1, model.irVersion())
                .string(2, model.producerName())
                .string(6, model.docString())
                .message(7, graph -> graph(graph, model.graph()))
                .message(8, opset -> opset.string(1, "").varint(2, model.opsetVersion()))
                .toByteArray();
    }

    private static void graph(ProtoWriter out, OnnxGraph graph) {
        for (OnnxNode node : graph.nodes()) {
            out.message(1, n -> node(n, node));
        }
        out.string(2, graph.name());
        for (OnnxTensor tensor : graph.initializers()) {
            out.message(5, t -> tensor(t, tensor));
        }
        for (OnnxValueInfo input : graph.inputs()) {
            out.message(11, v -> valueInfo(v, input));
        }
        for (OnnxValueInfo output : graph.outputs()) {
            out.message(12, v -> valueInfo(v, output));
        }
    }

    static void node(ProtoWriter out, OnnxNode node) {
        node.inputs().forEach(input -> out.string(1, input));
        node.outputs().forEach(output -> out.string(2, output));
        out.string(3, node.name());
        out.string(4, node.opType());
        for (OnnxAttribute attribute : node.attributes()) {
            out.message(5, a -> attribute(a, attribute));
        }
    }

    static void attribute(ProtoWriter out, OnnxAttribute attribute) {
        out.string(1, attribute.name());
        switch (attribute) {
            case OnnxAttribute.Real real -> out.float32(2, real.value());
            case OnnxAttribute.Int integer -> out.varint(3, integer.value());
            case OnnxAttribute.Text text -> out.string(4, text.value());
            case OnnxAttribute.Ints ints -> ints.values().forEach(value -> out.varint(8, value));
        }
        out.varint(20, attribute.typeCode());
    }

    static void tensor(ProtoWriter out, OnnxTensor tensor) {
        tensor.shape().dims().forEach(dim -> out.varint(1, dim));
        out.varint(2, tensor.type().code());
        out.string(8, tensor.name());
        out.bytes(9, tensor.rawData());
    }

    static void valueInfo(ProtoWriter out, OnnxValueInfo info) {
        out.string(1, info.name());
        out.message(2, type -> type.message(1, tensorType -> {
            tensorType.varint(1, info.type().code());
            tensorType.message(2, shape -> info.shape().dims().forEach(dim -> shape.message(1, dimension -> {
                if (dim == Shape.UNKNOWN) {
                    dimension.string(2, "batch");
                } else {
                    dimension.varint(1, dim);
                }
            })));
        }));
    }
}
