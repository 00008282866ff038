package org.pando.modelconv;

/** The name, element type and shape of a graph input or output; unknown dimensions are named {@code batch}. */
record OnnxValueInfo(String name, OnnxDataType type, Shape shape) {
}
