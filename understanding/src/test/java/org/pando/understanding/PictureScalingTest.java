package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pando.media.RgbFrame;

/** Resizing frames for the models: TensorFlow's bilinear resize, averaging, and square views with black beyond the picture. */
class PictureScalingTest {
    /** A 4 x 2 frame whose red rises 0, 10, 20, 30 along each row, green is 100 on the top row and 200 below. */
    private static final RgbFrame RAMP = frame(4, 2, (x, y, c) -> switch (c) {
        case 0 -> 10 * x;
        case 1 -> 100 * (y + 1);
        default -> 50;
    });

    @Test
    void bilinearWithAlignedCornersKeepsTheCornerPixels() {
        float[] out = PictureScaling.bilinear(RAMP, 3, 2, true);

        assertThat(red(out, 3, 0, 0)).as("left corner").isEqualTo(0f);
        assertThat(red(out, 3, 1, 0)).as("middle: source x 1.5").isCloseTo(15f, within(1e-4f));
        assertThat(red(out, 3, 2, 0)).as("right corner").isEqualTo(30f);
    }

    @Test
    void bilinearWithoutAlignedCornersSamplesAtIndexTimesScale() {
        float[] out = PictureScaling.bilinear(RAMP, 2, 1, false);

        assertThat(red(out, 2, 0, 0)).as("source x 0").isEqualTo(0f);
        assertThat(red(out, 2, 1, 0)).as("source x 2").isEqualTo(20f);
        assertThat(out[1]).as("green of source row 0, not a blend of the rows").isEqualTo(100f);
    }

    @Test
    void averagingTakesEachCoveredPixelByItsShare() {
        float[] out = PictureScaling.scaled(RAMP, new PictureScaling.View(0, 0, 1, 1), 2, 1);

        assertThat(red(out, 2, 0, 0)).as("mean red of columns 0 and 1").isCloseTo(5f, within(1e-4f));
        assertThat(red(out, 2, 1, 0)).as("mean red of columns 2 and 3").isCloseTo(25f, within(1e-4f));
        assertThat(out[1]).as("mean green of both rows").isCloseTo(150f, within(1e-4f));

        float[] thirds = PictureScaling.scaled(RAMP, new PictureScaling.View(0, 0, 1, 1), 3, 1);
        assertThat(red(thirds, 3, 0, 0)).as("first third: all of column 0, a third of column 1")
                .isCloseTo((0 + 10 / 3f) / (4 / 3f), within(1e-4f));
    }

    @Test
    void theLetterboxOfAWidePictureHasBlackBandsAboveAndBelow() {
        RgbFrame white = frame(4, 2, (x, y, c) -> 255);
        PictureScaling.View box = PictureScaling.View.letterbox(2.0);
        float[] out = PictureScaling.scaled(white, box, 4, 4);

        assertThat(box).as("the square holding a picture twice as wide as high").isEqualTo(new PictureScaling.View(0, -0.5, 1, 2));
        for (int y = 0; y < 4; y++) {
            float expected = y == 0 || y == 3 ? 0 : 255;
            assertThat(red(out, 4, 1, y)).as("row %d of the square", y).isCloseTo(expected, within(1e-3f));
        }
        Face centred = box.toPicture(new Face(0.5, 0.5, 0.25, 0.25, 0.9));
        assertThat(centred).as("a face in the square's centre, in the picture").isEqualTo(new Face(0.5, 0.5, 0.25, 0.5, 0.9));
    }

    private static float red(float[] pixels, int width, int x, int y) {
        return pixels[(y * width + x) * 3];
    }

    private interface Pixel {
        int value(int x, int y, int channel);
    }

    private static RgbFrame frame(int width, int height, Pixel pixel) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * width + x) * 3 + c] = (byte) pixel.value(x, y, c);
                }
            }
        }
        return new RgbFrame(0, width, height, rgb);
    }
}
