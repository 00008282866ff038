package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding BlazeFace's raw outputs: anchor order and positions, the score threshold, merging overlapping boxes. */
class BlazeFaceDecodingTest {
    private static final float NO_FACE = -10;

    private final float[] logits = new float[BlazeFaceDecoding.anchorCount()];
    private final float[] boxes = new float[logits.length * BlazeFaceDecoding.BOX_VALUES];

    BlazeFaceDecodingTest() {
        Arrays.fill(logits, NO_FACE);
    }

    /** An anchor of the 16 x 16 grid (2 a cell, first) or of the 8 x 8 grid (6 a cell, after the 512 of the first). */
    private record Anchor(String grid, int index, double x, double y) {
    }

    @Test
    void eachAnchorSitsAtItsCellsCentreInOutputOrder() {
        assertThat(BlazeFaceDecoding.anchorCount()).as("16 x 16 x 2 + 8 x 8 x 6").isEqualTo(896);
        List<Anchor> anchors = List.of(
                new Anchor("16 x 16, first cell", 0, 0.5 / 16, 0.5 / 16),
                new Anchor("16 x 16, row 3, column 5, second anchor", (3 * 16 + 5) * 2 + 1, 5.5 / 16, 3.5 / 16),
                new Anchor("16 x 16, last cell", 511, 15.5 / 16, 15.5 / 16),
                new Anchor("8 x 8, first cell", 512, 0.5 / 8, 0.5 / 8),
                new Anchor("8 x 8, row 6, column 1, sixth anchor", 512 + (6 * 8 + 1) * 6 + 5, 1.5 / 8, 6.5 / 8));
        for (Anchor anchor : anchors) {
            Arrays.fill(logits, NO_FACE);
            box(anchor.index(), 0, 0, 32, 32, 3);

            List<Face> faces = BlazeFaceDecoding.faces(logits, boxes, 0.5);

            assertThat(faces).as(anchor.grid()).singleElement().satisfies(f -> {
                assertThat(f.x()).as("%s: centre x", anchor.grid()).isCloseTo(anchor.x(), within(1e-6));
                assertThat(f.y()).as("%s: centre y", anchor.grid()).isCloseTo(anchor.y(), within(1e-6));
                assertThat(f.width()).as("32 of 128 pixels wide").isCloseTo(0.25, within(1e-6));
                assertThat(f.score()).as("sigmoid of the logit 3").isCloseTo(1 / (1 + Math.exp(-3)), within(1e-6));
            });
        }
    }

    @Test
    void theBoxMovesFromItsAnchorByTheOffsetInInputPixels() {
        box(0, 16, 8, 20, 10, 2);

        Face face = BlazeFaceDecoding.faces(logits, boxes, 0.5).getFirst();

        assertThat(face.x()).as("0.5/16 + 16/128").isCloseTo(0.5 / 16 + 0.125, within(1e-6));
        assertThat(face.y()).as("0.5/16 + 8/128").isCloseTo(0.5 / 16 + 0.0625, within(1e-6));
        assertThat(face.width()).isCloseTo(20.0 / 128, within(1e-6));
        assertThat(face.height()).isCloseTo(10.0 / 128, within(1e-6));
    }

    @Test
    void boxesBelowTheThresholdAreNoFaces() {
        box(40, 0, 0, 30, 30, -1);

        assertThat(BlazeFaceDecoding.faces(logits, boxes, 0.5)).as("sigmoid(-1) = 0.27 is below 0.5").isEmpty();
        assertThat(BlazeFaceDecoding.faces(logits, boxes, 0.25)).as("but above 0.25").hasSize(1);
    }

    @Test
    void overlappingBoxesAreOneFaceWeightedByScoreAndFarBoxesStayApart() {
        int cell = (8 * 16 + 8) * 2;
        box(cell, 0, 0, 40, 40, 4);
        box(cell + 1, 4, 0, 40, 40, 2);
        box(10, 0, 0, 12, 12, 1);

        List<Face> faces = BlazeFaceDecoding.faces(logits, boxes, 0.5);

        assertThat(faces).as("two faces: the overlapping pair merged, the far box alone").hasSize(2);
        Face merged = faces.getFirst();
        double strong = 1 / (1 + Math.exp(-4));
        double weak = 1 / (1 + Math.exp(-2));
        assertThat(merged.score()).as("the best score of the pair").isCloseTo(strong, within(1e-6));
        assertThat(merged.x()).as("the centre, weighted by score")
                .isCloseTo(8.5 / 16 + weak * (4.0 / 128) / (strong + weak), within(1e-6));
        assertThat(faces.get(1).x()).as("the far box, anchor 10: the sixth cell of the first row").isCloseTo(5.5 / 16, within(1e-6));
    }

    /** Gives {@code anchor} a box moved by ({@code dx}, {@code dy}) input pixels, of the given size and logit. */
    private void box(int anchor, float dx, float dy, float width, float height, float logit) {
        logits[anchor] = logit;
        int at = anchor * BlazeFaceDecoding.BOX_VALUES;
        boxes[at] = dx;
        boxes[at + 1] = dy;
        boxes[at + 2] = width;
        boxes[at + 3] = height;
    }
}
