package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageStillsTest {

    @Test
    void sharpnessIsZeroForAFlatPictureAndHigherForCrispEdgesThanForBlurredOnes() {
        int w = 32;
        int h = 32;
        byte[] flat = new byte[w * h];
        java.util.Arrays.fill(flat, (byte) 128);
        byte[] crisp = new byte[w * h];
        byte[] soft = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                crisp[y * w + x] = (byte) (((x / 4 + y / 4) % 2 == 0) ? 0 : 255);
                soft[y * w + x] = (byte) (128 + 100 * Math.sin(x / 5.0) * Math.cos(y / 5.0));
            }
        }
        assertThat(PageStills.sharpness(flat, w, h)).as("a flat picture").isZero();
        assertThat(PageStills.sharpness(crisp, w, h)).as("a checkerboard against a smooth wave")
                .isGreaterThan(10 * PageStills.sharpness(soft, w, h));
    }

    @Test
    void candidatesLieInsideThePageAwayFromItsEdges() {
        assertThat(PageStills.candidates(new SlidePage(5.0, 9.0, "", 6.0))).containsExactly(6.0, 7.0, 8.0);
        assertThat(PageStills.candidates(new SlidePage(0.0, 0.4, "", 0.2)))
                .as("a short page").allSatisfy(t -> assertThat(t).isBetween(0.1 - 1e-9, 0.3 + 1e-9));
    }
}
