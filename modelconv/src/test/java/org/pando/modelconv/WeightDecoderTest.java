package org.pando.modelconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeightDecoderTest {

    private static WeightSpec spec(String name, String dtype, Optional<WeightSpec.Quantization> quantization, long... shape) {
        return new WeightSpec(name, Shape.of(shape), dtype, quantization);
    }

    private static ByteBuffer littleEndian(byte... bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void uint8WeightsAreScaledAndShiftedAsTensorFlowJsDoes() {
        WeightSpec spec = spec("w", "float32", Optional.of(new WeightSpec.Quantization("uint8", 0.5, -1.0)), 4);

        Constant.Floats weights = (Constant.Floats) WeightDecoder.decode(spec, littleEndian((byte) 0, (byte) 1, (byte) 2, (byte) 255));

        assertThat(weights.values()).as("q * scale + min for q = 0, 1, 2, 255").containsExactly(-1.0f, -0.5f, 0f, 126.5f);
    }

    @Test
    void uint8ArithmeticIsDoneInDoubleAndRoundedOnceToFloat() {
        double scale = 0.0021519157232022753;
        double min = -0.2625337182306776;
        WeightSpec spec = spec("w", "float32", Optional.of(new WeightSpec.Quantization("uint8", scale, min)), 1);

        Constant.Floats weights = (Constant.Floats) WeightDecoder.decode(spec, littleEndian((byte) 200));

        assertThat(weights.values()[0]).as("a JavaScript Float32Array store of 200 * scale + min").isEqualTo((float) (200 * scale + min));
    }

    @Test
    void uint16WeightsReadTwoLittleEndianBytes() {
        WeightSpec spec = spec("w", "float32", Optional.of(new WeightSpec.Quantization("uint16", 0.25, 10.0)), 1);

        Constant.Floats weights = (Constant.Floats) WeightDecoder.decode(spec, littleEndian((byte) 0x02, (byte) 0x01));

        assertThat(weights.values()).as("q = 0x0102 = 258, 258 * 0.25 + 10").containsExactly(74.5f);
    }

    @Test
    void float16WeightsAreWidenedExactlyIncludingSubnormalsAndInfinity() {
        WeightSpec spec = spec("w", "float32", Optional.of(new WeightSpec.Quantization("float16", 1, 0)), 6);
        ByteBuffer bytes = littleEndian(
                (byte) 0x00, (byte) 0x3c,
                (byte) 0x00, (byte) 0xc0,
                (byte) 0xff, (byte) 0x7b,
                (byte) 0x01, (byte) 0x00,
                (byte) 0x55, (byte) 0x35,
                (byte) 0x00, (byte) 0x7c);

        Constant.Floats weights = (Constant.Floats) WeightDecoder.decode(spec, bytes);

        assertThat(weights.values()).as("0x3c00 = 1, 0xc000 = -2, 0x7bff = 65504, 0x0001 = 2^-24, 0x3555 = 0.333251953125, 0x7c00 = infinity")
                .containsExactly(1f, -2f, 65504f, 0x1p-24f, 0.333251953125f, Float.POSITIVE_INFINITY);
    }

    @Test
    void unquantizedFloatsAndIntsAreReadLittleEndian() {
        Constant.Floats floats = (Constant.Floats) WeightDecoder.decode(spec("f", "float32", Optional.empty(), 1), littleEndian((byte) 0, (byte) 0, (byte) 0x80, (byte) 0x3f));
        Constant.Ints ints = (Constant.Ints) WeightDecoder.decode(spec("i", "int32", Optional.empty(), 2),
                littleEndian((byte) 0, (byte) 1, (byte) 0, (byte) 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff));

        assertThat(floats.values()).as("0x3f800000").containsExactly(1f);
        assertThat(ints.values()).as("0x00000100 and 0xffffffff").containsExactly(256, -1);
    }

    @Test
    void quantizedIntegerWeightsAreRounded() {
        WeightSpec spec = spec("sizes", "int32", Optional.of(new WeightSpec.Quantization("uint8", 0.5, 0.25)), 2);

        Constant.Ints ints = (Constant.Ints) WeightDecoder.decode(spec, littleEndian((byte) 3, (byte) 4));

        assertThat(ints.values()).as("round(1.75) and round(2.25)").containsExactly(2, 2);
    }

    @Test
    void decodesConsecutiveWeightsFromTheConcatenatedShards() {
        List<WeightSpec> specs = List.of(
                spec("a", "float32", Optional.of(new WeightSpec.Quantization("uint8", 1, 0)), 3),
                spec("b", "float32", Optional.of(new WeightSpec.Quantization("float16", 1, 0)), 1),
                spec("c", "int32", Optional.empty()));
        byte[] shards = {1, 2, 3, 0x00, 0x3c, 7, 0, 0, 0};

        Map<String, Constant> weights = WeightDecoder.decodeAll(specs, shards);

        assertThat(((Constant.Floats) weights.get("a")).values()).as("three uint8 bytes").containsExactly(1f, 2f, 3f);
        assertThat(((Constant.Floats) weights.get("b")).values()).as("then a float16").containsExactly(1f);
        assertThat(((Constant.Ints) weights.get("c")).values()).as("then an int32 scalar").containsExactly(7);
        assertThat(weights.get("c").shape().rank()).as("a scalar has rank 0").isZero();
    }

    @Test
    void shardsOfTheWrongLengthAreRejected() {
        List<WeightSpec> specs = List.of(spec("a", "float32", Optional.empty(), 2));

        assertThatThrownBy(() -> WeightDecoder.decodeAll(specs, new byte[7])).as("too short")
                .isInstanceOf(ModelConversionFailed.class).hasMessageContaining("before weight a");
        assertThatThrownBy(() -> WeightDecoder.decodeAll(specs, new byte[9])).as("too long")
                .isInstanceOf(ModelConversionFailed.class).hasMessageContaining("1 bytes more");
    }

    @Test
    void unknownQuantizationsAreRejectedByName() {
        WeightSpec spec = spec("w", "float32", Optional.of(new WeightSpec.Quantization("int4", 1, 0)), 2);

        assertThatThrownBy(spec::byteLength).as("int4 is not a TensorFlow.js quantization")
                .isInstanceOf(ModelConversionFailed.class).hasMessageContaining("int4");
    }
}
