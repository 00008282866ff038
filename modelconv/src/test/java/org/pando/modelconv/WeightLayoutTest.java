package org.pando.modelconv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeightLayoutTest {

    /** Values 0, 1, 2, ... so that each value is its own row-major index in the source. */
    private static Constant.Floats counting(long... shape) {
        Shape s = Shape.of(shape);
        float[] values = new float[s.elementCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return new Constant.Floats(s, values);
    }

    @Test
    void convolutionFiltersGoFromHwioToOihw() {
        int h = 2;
        int w = 3;
        int in = 4;
        int out = 5;
        Constant.Floats oihw = WeightLayout.convolutionFilter(counting(h, w, in, out));

        assertThat(oihw.shape()).as("[out, in, height, width]").isEqualTo(Shape.of(out, in, h, w));
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float expected = ((y * w + x) * in + i) * out + o;
                        assertThat(oihw.values()[((o * in + i) * h + y) * w + x]).as("o=%d i=%d y=%d x=%d", o, i, y, x).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void depthwiseFiltersBecomeOneGroupPerChannelWithMultipliersInside() {
        int h = 2;
        int w = 2;
        int channels = 3;
        int multiplier = 2;
        Constant.Floats grouped = WeightLayout.depthwiseFilter(counting(h, w, channels, multiplier));

        assertThat(grouped.shape()).as("[channels * multiplier, 1, height, width]").isEqualTo(Shape.of(channels * multiplier, 1, h, w));
        for (int c = 0; c < channels; c++) {
            for (int m = 0; m < multiplier; m++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float expected = ((y * w + x) * channels + c) * multiplier + m;
                        int outputChannel = c * multiplier + m;
                        assertThat(grouped.values()[(outputChannel * h + y) * w + x]).as("c=%d m=%d y=%d x=%d", c, m, y, x).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void constantOperandsBroadcastAgainstChannelsFirstTensors() {
        assertThat(WeightLayout.channelsFirstOperand(counting(7)).shape()).as("per-channel vector").isEqualTo(Shape.of(7, 1, 1));
        assertThat(WeightLayout.channelsFirstOperand(counting()).shape()).as("scalar").isEqualTo(Shape.of());
        Constant.Floats nchw = WeightLayout.channelsFirstOperand(counting(1, 1, 2, 3));
        assertThat(nchw.shape()).as("NHWC tensor").isEqualTo(Shape.of(1, 3, 1, 2));
        assertThat(nchw.values()).as("channel-major order").containsExactly(0f, 3f, 1f, 4f, 2f, 5f);
    }
}
