package org.pando.modelconv;

/** A weight of a model, decoded to the element type the ONNX graph uses. */
sealed interface Constant {
    Shape shape();

    /** 32-bit floats in row-major order. */
    record Floats(Shape shape, float[] values) implements Constant {
        public Floats {
            requireLength(shape, values.length);
        }

        /** The same values seen with another shape of equal size (a reshape, not a transpose). */
        Floats reshaped(Shape other) {
            return new Floats(other, values);
        }
    }

    /** 32-bit integers in row-major order. */
    record Ints(Shape shape, int[] values) implements Constant {
        public Ints {
            requireLength(shape, values.length);
        }
    }

    private static void requireLength(Shape shape, int length) {
        if (shape.elementCount() != length) {
            throw new ModelConversionFailed("a constant of shape " + shape + " cannot hold " + length + " values");
        }
    }
}
