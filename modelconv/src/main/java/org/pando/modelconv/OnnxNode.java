package org.pando.modelconv;

import java.util.List;

/** One ONNX operator application: {@code outputs = opType(inputs; attributes)}. */
record OnnxNode(String opType, String name, List<String> inputs, List<String> outputs, List<OnnxAttribute> attributes) {
    OnnxNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = List.copyOf(attributes);
    }
}
