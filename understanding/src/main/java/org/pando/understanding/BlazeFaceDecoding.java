package org.pando.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Turns the raw outputs of MediaPipe's front-camera BlazeFace (128 x 128 input) into faces.
 *
 * <p>The model predicts one box for each of 896 anchors: a 16 x 16 grid of cells 8 pixels wide with 2 anchors
 * each (512), then an 8 x 8 grid of 16-pixel cells with 6 anchors each (384); cells go row by row from the top
 * left, a cell's anchors one after another. Every anchor sits at its cell's centre and has the fixed size of
 * the whole input. For each anchor the model gives a logit (the face score is its sigmoid) and 16 numbers in
 * input pixels: the box centre's offset from the anchor, the box's width and height, then six key points
 * (eyes, nose, mouth, ears), which are not used here.
 *
 * <p>Boxes scoring above the threshold are merged as MediaPipe does ("weighted" suppression): the best box
 * takes every other box overlapping it by an intersection over union of at least {@link #MERGE_OVERLAP}, and
 * the face is their score-weighted mean, with the best score.
 */
final class BlazeFaceDecoding {
    /** Side of the model's square input, in pixels. */
    static final int INPUT_SIZE = 128;
    /** Numbers a box has: centre offset, size and six key points. */
    static final int BOX_VALUES = 16;
    /** Boxes overlapping at least this much (intersection over union) are one face. */
    static final double MERGE_OVERLAP = 0.3;
    private static final double[][] ANCHORS = anchors();

    private BlazeFaceDecoding() {
    }

    /** How many anchors the model predicts for. */
    static int anchorCount() {
        return ANCHORS.length;
    }

    /**
     * The faces scoring above {@code threshold}, best first, in fractions of the model's input square.
     *
     * @param logits one per anchor, in anchor order
     * @param boxes  {@link #BOX_VALUES} per anchor, in anchor order
     */
    static List<Face> faces(float[] logits, float[] boxes, double threshold) {
        if (logits.length != ANCHORS.length || boxes.length != ANCHORS.length * BOX_VALUES) {
            throw new IllegalArgumentException("BlazeFace gives " + ANCHORS.length + " scores and " + ANCHORS.length * BOX_VALUES
                    + " box values, not " + logits.length + " and " + boxes.length);
        }
        List<Face> candidates = new ArrayList<>();
        for (int a = 0; a < ANCHORS.length; a++) {
            double score = 1 / (1 + Math.exp(-logits[a]));
            if (score > threshold) {
                int b = a * BOX_VALUES;
                candidates.add(new Face(ANCHORS[a][0] + boxes[b] / INPUT_SIZE, ANCHORS[a][1] + boxes[b + 1] / INPUT_SIZE,
                        boxes[b + 2] / INPUT_SIZE, boxes[b + 3] / INPUT_SIZE, score));
            }
        }
        return merged(candidates);
    }

    private static List<Face> merged(List<Face> candidates) {
        List<Face> left = new ArrayList<>(candidates);
        left.sort(Comparator.comparingDouble(Face::score).reversed());
        List<Face> faces = new ArrayList<>();
        while (!left.isEmpty()) {
            Face best = left.getFirst();
            List<Face> group = left.stream().filter(f -> f.overlap(best) >= MERGE_OVERLAP).toList();
            left.removeAll(group);
            double weights = group.stream().mapToDouble(Face::score).sum();
            faces.add(new Face(weighted(group, Face::x, weights), weighted(group, Face::y, weights),
                    weighted(group, Face::width, weights), weighted(group, Face::height, weights), best.score()));
        }
        return faces;
    }

    private static double weighted(List<Face> group, ToDoubleFunction<Face> value, double weights) {
        return group.stream().mapToDouble(f -> f.score() * value.applyAsDouble(f)).sum() / weights;
    }

    /** Anchor centres (x, y) in fractions of the input, in the model's output order. */
    private static double[][] anchors() {
        List<double[]> anchors = new ArrayList<>();
        addGrid(anchors, 16, 2);
        addGrid(anchors, 8, 6);
        return anchors.toArray(double[][]::new);
    }

    private static void addGrid(List<double[]> anchors, int cells, int perCell) {
        for (int row = 0; row < cells; row++) {
            for (int column = 0; column < cells; column++) {
                for (int k = 0; k < perCell; k++) {
                    anchors.add(new double[] {(column + 0.5) / cells, (row + 0.5) / cells});
                }
            }
        }
    }
}
