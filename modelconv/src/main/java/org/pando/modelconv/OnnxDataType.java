package org.pando.modelconv;

/** The ONNX element types the converted graphs use, with their {@code TensorProto.DataType} numbers. */
enum OnnxDataType {
    FLOAT(1),
    INT64(7);

    private final int code;

    OnnxDataType(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
