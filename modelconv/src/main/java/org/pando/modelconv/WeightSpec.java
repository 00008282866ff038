package org.pando.modelconv;

import java.util.Optional;

/**
 * One entry of a TensorFlow.js {@code weightsManifest}: the weight's name, shape and element type, and how
 * its values were quantized to save space. Weights lie one after another in the concatenated shards.
 */
record WeightSpec(String name, Shape shape, String dtype, Optional<Quantization> quantization) {

    /** Weights stored as {@code uint8} or {@code uint16} with a scale and a minimum, or as {@code float16}. */
    record Quantization(String dtype, double scale, double min) {
        int bytesPerValue() {
            return switch (dtype) {
                case "uint8" -> 1;
                case "uint16", "float16" -> 2;
                default -> throw new ModelConversionFailed("unknown weight quantization '" + dtype + "' (known: uint8, uint16, float16)");
            };
        }
    }

    /** Reads one manifest entry. */
    static WeightSpec from(Literal entry) {
        String name = entry.field("name").text();
        long[] dims = entry.field("shape").items().stream().mapToLong(Literal::integer).toArray();
        Optional<Quantization> quantization = entry.optionalField("quantization").map(q -> new Quantization(
                q.field("dtype").text(),
                q.optionalField("scale").map(Literal::number).orElse(1.0),
                q.optionalField("min").map(Literal::number).orElse(0.0)));
        return new WeightSpec(name, Shape.of(dims), entry.field("dtype").text(), quantization);
    }

    /** The number of bytes this weight takes in the shards. */
    int byteLength() {
        int bytesPerValue = quantization.map(Quantization::bytesPerValue).orElseGet(() -> switch (dtype) {
            case "float32", "int32" -> 4;
            case "bool" -> 1;
            default -> throw new ModelConversionFailed("weight " + name + " has the unsupported type " + dtype);
        });
        return Math.multiplyExact(shape.elementCount(), bytesPerValue);
    }
}
