package org.pando.modelconv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A named constant (a graph initializer), its values little-endian in {@code rawData} as ONNX stores them. */
record OnnxTensor(String name, OnnxDataType type, Shape shape, byte[] rawData) {

    static OnnxTensor floats(String name, Shape shape, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return new OnnxTensor(name, OnnxDataType.FLOAT, checked(shape, values.length), buffer.array());
    }

    static OnnxTensor int64s(String name, Shape shape, long[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        return new OnnxTensor(name, OnnxDataType.INT64, checked(shape, values.length), buffer.array());
    }

    private static Shape checked(Shape shape, int length) {
        if (shape.elementCount() != length) {
            throw new ModelConversionFailed("initializer of shape " + shape + " cannot hold " + length + " values");
        }
        return shape;
    }
}
