package org.pando.modelconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphTranslatorTest {
    private static final String SAME = "U0FNRQ==";
    private static final String NHWC = "TkhXQw==";

    /** input [1, 4, 4, 2] -> 1x1 convolution to 3 channels with stride 2 -> Relu6; an Erf node nobody reads. */
    private static TfjsModel smallModel(String outputNode) {
        String graph = """
                [{name:"input",op:"Placeholder",attr:{dtype:{type:"DT_FLOAT"},shape:{shape:{dim:[{size:"1"},{size:"4"},{size:"4"},{size:"2"}]}}}},
                 {name:"w",op:"Const",attr:{}},
                 {name:"conv",op:"Conv2D",input:["input","w"],attr:{padding:{s:"%s"},data_format:{s:"%s"},strides:{list:{i:["1","2","2","1"]}}}},
                 {name:"relu6",op:"Relu6",input:["conv:0","^w"]},
                 {name:"unused",op:"Erf",input:["input"]},
                 {name:"out",op:"Identity",input:["%s"]}]
                """.formatted(SAME, NHWC, outputNode);
        Map<String, TfjsNode> nodes = new LinkedHashMap<>();
        for (Literal node : LiteralReader.read(graph).items()) {
            nodes.put(node.field("name").text(), TfjsNode.from(node));
        }
        // w[0][0][i][o] = 10 * i + o - 2: from channel i to output channel o.
        Constant filter = new Constant.Floats(Shape.of(1, 1, 2, 3), new float[] {-2, -1, 0, 8, 9, 10});
        return new TfjsModel(nodes, Map.of("w", filter));
    }

    private static ModelRecipe recipe() {
        return new ModelRecipe(ConvertedModel.SELFIE_SEGMENTATION, "test", "0", "test", path -> {
            throw new UnsupportedOperationException();
        }, Map.of("input", "image"), List.of(new ModelRecipe.OutputBinding("mask", "out")));
    }

    @Test
    void translatesOnlyWhatTheOutputsNeedBehindOneInputTranspose() {
        OnnxGraph graph = GraphTranslator.translate(smallModel("relu6"), recipe());

        assertThat(graph.nodes().stream().map(OnnxNode::opType)).as("the Erf node is not needed, Identity adds no node of its own")
                .containsExactly("Transpose", "Conv", "Clip", "Identity");
        assertThat(graph.inputs()).as("the input keeps its channels-last shape")
                .containsExactly(new OnnxValueInfo("image", OnnxDataType.FLOAT, Shape.of(1, 4, 4, 2)));
        assertThat(graph.outputs()).as("the output is channels first")
                .containsExactly(new OnnxValueInfo("mask", OnnxDataType.FLOAT, Shape.of(1, 3, 2, 2)));
    }

    @Test
    void theTranslatedGraphComputesWhatTheOriginalDoes() throws OrtException {
        byte[] model = OnnxEncoder.encode(OnnxModel.of("test", GraphTranslator.translate(smallModel("relu6"), recipe())));
        float[] nhwc = new float[32];
        for (int i = 0; i < nhwc.length; i++) {
            nhwc[i] = (i % 7) * 0.1f - 0.2f;
        }

        float[][][][] mask;
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = environment.createSession(model, options);
                OnnxTensor image = OnnxTensor.createTensor(environment, FloatBuffer.wrap(nhwc), new long[] {1, 4, 4, 2});
                OrtSession.Result result = session.run(Map.of("image", image))) {
            mask = (float[][][][]) result.get("mask").orElseThrow().getValue();
        }

        float[][] filter = {{-2, -1, 0}, {8, 9, 10}};
        for (int o = 0; o < 3; o++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    int pixel = (2 * y * 4 + 2 * x) * 2;
                    float sum = nhwc[pixel] * filter[0][o] + nhwc[pixel + 1] * filter[1][o];
                    float expected = Math.min(6f, Math.max(0f, sum));
                    assertThat(mask[0][o][y][x]).as("output channel %d at (%d, %d)", o, y, x).isCloseTo(expected, within(1e-6f));
                }
            }
        }
    }

    @Test
    void anUnknownOpFailsNamingTheOpAndTheNode() {
        assertThatThrownBy(() -> GraphTranslator.translate(smallModel("unused"), recipe()))
                .as("Erf is not translated")
                .isInstanceOf(ModelConversionFailed.class)
                .hasMessageContaining("node 'unused' (Erf)")
                .hasMessageContaining("TensorFlow op 'Erf'")
                .hasMessageContaining("Conv2D");
    }
}
