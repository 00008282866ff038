package org.pando.modelconv;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OnnxEncoderTest {

    private static String hex(Consumer<ProtoWriter> write) {
        ProtoWriter writer = new ProtoWriter();
        write.accept(writer);
        return HexFormat.of().formatHex(writer.toByteArray());
    }

    @Test
    void writesAnIntListAttributeOneFieldPerElementWithItsType() {
        String bytes = hex(out -> OnnxEncoder.attribute(out, OnnxAttribute.ints("perm", 0, 3, 1, 2)));

        assertThat(bytes).as("name 'perm' (field 1), ints 0 3 1 2 (field 8, unpacked), type INTS = 7 (field 20)")
                .isEqualTo("0a047065726d" + "4000" + "4003" + "4001" + "4002" + "a00107");
    }

    @Test
    void writesScalarAttributesWithTheirTypes() {
        assertThat(hex(out -> OnnxEncoder.attribute(out, OnnxAttribute.of("group", 32)))).as("INT attribute")
                .isEqualTo("0a0567726f7570" + "1820" + "a00102");
        assertThat(hex(out -> OnnxEncoder.attribute(out, OnnxAttribute.of("mode", "linear")))).as("STRING attribute")
                .isEqualTo("0a046d6f6465" + "22066c696e656172" + "a00103");
        assertThat(hex(out -> OnnxEncoder.attribute(out, OnnxAttribute.of("alpha", 0.5f)))).as("FLOAT attribute")
                .isEqualTo("0a05616c706861" + "150000003f" + "a00101");
    }

    @Test
    void writesAnInitializerWithDimsTypeNameAndLittleEndianRawData() {
        String bytes = hex(out -> OnnxEncoder.tensor(out, org.pando.modelconv.OnnxTensor.floats("w", Shape.of(2), new float[] {1f, -2f})));

        assertThat(bytes).as("dims 2 (field 1), FLOAT = 1 (field 2), name 'w' (field 8), raw_data (field 9)")
                .isEqualTo("0802" + "1001" + "420177" + "4a08" + "0000803f" + "000000c0");
    }

    @Test
    void writesAnUnknownDimensionAsTheParameterBatch() {
        String bytes = hex(out -> OnnxEncoder.valueInfo(out, new OnnxValueInfo("x", OnnxDataType.FLOAT, Shape.of(Shape.UNKNOWN, 3))));

        assertThat(bytes).as("name, then TypeProto{tensor_type{elem_type FLOAT, shape{dim{dim_param 'batch'}, dim{dim_value 3}}}}")
                .isEqualTo("0a0178" + "1213" + "0a11" + "0801" + "120d" + "0a07" + "12056261746368" + "0a020803");
    }

    @Test
    void onnxruntimeRunsAnEncodedModel() throws OrtException {
        OnnxGraph graph = new OnnxGraph("tiny",
                List.of(new OnnxNode("Add", "add", List.of("x", "bias"), List.of("sum"), List.of()),
                        new OnnxNode("Clip", "clip", List.of("sum", "zero", "six"), List.of("y"), List.of()),
                        new OnnxNode("Transpose", "transpose", List.of("y"), List.of("out"), List.of(OnnxAttribute.ints("perm", 1, 0)))),
                List.of(org.pando.modelconv.OnnxTensor.floats("bias", Shape.of(3), new float[] {1f, 2f, 3f}),
                        org.pando.modelconv.OnnxTensor.floats("zero", Shape.of(), new float[] {0f}),
                        org.pando.modelconv.OnnxTensor.floats("six", Shape.of(), new float[] {6f})),
                List.of(new OnnxValueInfo("x", OnnxDataType.FLOAT, Shape.of(Shape.UNKNOWN, 3))),
                List.of(new OnnxValueInfo("out", OnnxDataType.FLOAT, Shape.of(3, Shape.UNKNOWN))));
        byte[] model = OnnxEncoder.encode(OnnxModel.of("a test model", graph));

        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = environment.createSession(model, options);
                OnnxTensor x = OnnxTensor.createTensor(environment, FloatBuffer.wrap(new float[] {-5f, 0f, 4f, 1f, 2f, 3f}), new long[] {2, 3});
                OrtSession.Result result = session.run(Map.of("x", x))) {
            float[][] out = (float[][]) result.get("out").orElseThrow().getValue();
            long[] declared = ((TensorInfo) session.getInputInfo().get("x").getInfo()).getShape();

            assertThat(declared).as("the batch dimension is symbolic").containsExactly(-1, 3);
            assertThat(out).as("transpose(clip(x + bias, 0, 6))").isDeepEqualTo(new float[][] {{0f, 2f}, {2f, 4f}, {6f, 6f}});
        }
    }
}
