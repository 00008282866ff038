package org.pando.modelconv;

/** An ONNX model: the graph with the IR version and the one default-domain opset it is written against. */
record OnnxModel(long irVersion, long opsetVersion, String producerName, String docString, OnnxGraph graph) {
    /** IR version 7 goes with opset 13; onnxruntime reads both. */
    static final long IR_VERSION = 7;
    static final long OPSET_VERSION = 13;

    static OnnxModel of(String docString, OnnxGraph graph) {
        return new OnnxModel(IR_VERSION, OPSET_VERSION, "pando-modelconv", docString, graph);
    }
}
