package org.pando.modelconv;

/**
 * A tensor computed by the ONNX graph: its name there and its shape. Four-dimensional values are channels
 * first (NCHW); the TensorFlow graph had them channels last (NHWC).
 */
record TensorValue(String name, Shape shape) {
    int rank() {
        return shape.rank();
    }

    long dim(int axis) {
        return shape.dim(axis);
    }
}
