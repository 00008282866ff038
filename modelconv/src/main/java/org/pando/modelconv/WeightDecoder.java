package org.pando.modelconv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the concatenated weight shards of a TensorFlow.js model into float32 and int32 constants, undoing
 * the quantization the same way TensorFlow.js does when it loads the model: {@code q * scale + min} for
 * {@code uint8}/{@code uint16} (rounded for integer weights), IEEE half to single precision for
 * {@code float16}.
 */
final class WeightDecoder {
    private WeightDecoder() {
    }

    /** Every weight of the manifest, by name, in manifest order. */
    static Map<String, Constant> decodeAll(List<WeightSpec> specs, byte[] shards) {
        ByteBuffer buffer = ByteBuffer.wrap(shards).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Constant> weights = new LinkedHashMap<>();
        for (WeightSpec spec : specs) {
            int length = spec.byteLength();
            if (buffer.remaining() < length) {
                throw new ModelConversionFailed("the weight shards end before weight " + spec.name() + " (" + length + " bytes needed, " + buffer.remaining() + " left)");
            }
            ByteBuffer slice = buffer.slice(buffer.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            buffer.position(buffer.position() + length);
            weights.put(spec.name(), decode(spec, slice));
        }
        if (buffer.hasRemaining()) {
            throw new ModelConversionFailed("the weight shards hold " + buffer.remaining() + " bytes more than the manifest describes");
        }
        return weights;
    }

    /** One weight from a buffer holding exactly its bytes (little-endian). */
    static Constant decode(WeightSpec spec, ByteBuffer bytes) {
        int count = spec.shape().elementCount();
        if (spec.quantization().isEmpty()) {
            return switch (spec.dtype()) {
                case "float32" -> new Constant.Floats(spec.shape(), floats(bytes, count));
                case "int32" -> new Constant.Ints(spec.shape(), ints(bytes, count));
                default -> throw new ModelConversionFailed("weight " + spec.name() + " has the unsupported type " + spec.dtype());
            };
        }
        WeightSpec.Quantization quantization = spec.quantization().orElseThrow();
        return switch (quantization.dtype() + "->" + spec.dtype()) {
            case "float16->float32" -> new Constant.Floats(spec.shape(), halfFloats(bytes, count));
            case "uint8->float32", "uint16->float32" -> new Constant.Floats(spec.shape(), dequantizedFloats(bytes, count, quantization));
            case "uint8->int32", "uint16->int32" -> new Constant.Ints(spec.shape(), dequantizedInts(bytes, count, quantization));
            default -> throw new ModelConversionFailed("weight " + spec.name() + " uses the unsupported quantization "
                    + quantization.dtype() + " for type " + spec.dtype());
        };
    }

    private static float[] floats(ByteBuffer bytes, int count) {
        float[] values = new float[count];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    private static int[] ints(ByteBuffer bytes, int count) {
        int[] values = new int[count];
        bytes.asIntBuffer().get(values);
        return values;
    }

    private static float[] halfFloats(ByteBuffer bytes, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = Float.float16ToFloat(bytes.getShort(2 * i));
        }
        return values;
    }

    private static float[] dequantizedFloats(ByteBuffer bytes, int count, WeightSpec.Quantization quantization) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            // The arithmetic is in double and rounded once to float, as a JavaScript Float32Array store does.
            values[i] = (float) (quantized(bytes, i, quantization) * quantization.scale() + quantization.min());
        }
        return values;
    }

    private static int[] dequantizedInts(ByteBuffer bytes, int count, WeightSpec.Quantization quantization) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = (int) Math.round(quantized(bytes, i, quantization) * quantization.scale() + quantization.min());
        }
        return values;
    }

    private static int quantized(ByteBuffer bytes, int index, WeightSpec.Quantization quantization) {
        return quantization.bytesPerValue() == 1
                ? Byte.toUnsignedInt(bytes.get(index))
                : Short.toUnsignedInt(bytes.getShort(2 * index));
    }
}
