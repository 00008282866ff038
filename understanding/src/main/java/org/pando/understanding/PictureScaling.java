package org.pando.understanding;

import org.pando.media.RgbFrame;

/**
 * Brings a sampled frame to a model's input size, either as the library a model comes from does it (TensorFlow's
 * bilinear resize, {@link #bilinear}), so that scores match what that library reports, or by averaging the
 * source pixels each output pixel covers, weighted by how much of each it covers ({@link #scaled}): a proper
 * shrink, where sampling a few source pixels would alias. Values stay in 0–255; each model maps them to its own
 * range. Output is RGB floats, row by row, three a pixel.
 */
final class PictureScaling {
    private PictureScaling() {
    }

    /**
     * {@code frame} resized to {@code width} x {@code height} as TensorFlow's {@code resizeBilinear} does: each
     * output pixel interpolates the four source pixels around one point. With {@code alignCorners} the corner
     * pixels of both map onto each other; without, output pixel {@code i} samples source position
     * {@code i * in / out}.
     */
    static float[] bilinear(RgbFrame frame, int width, int height, boolean alignCorners) {
        float[] out = new float[width * height * 3];
        double scaleX = alignCorners && width > 1 ? (frame.width() - 1.0) / (width - 1) : (double) frame.width() / width;
        double scaleY = alignCorners && height > 1 ? (frame.height() - 1.0) / (height - 1) : (double) frame.height() / height;
        for (int y = 0; y < height; y++) {
            double sy = Math.min(y * scaleY, frame.height() - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, frame.height() - 1);
            double dy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.min(x * scaleX, frame.width() - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, frame.width() - 1);
                double dx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    double top = frame.value(x0, y0, c) + (frame.value(x1, y0, c) - frame.value(x0, y0, c)) * dx;
                    double bottom = frame.value(x0, y1, c) + (frame.value(x1, y1, c) - frame.value(x0, y1, c)) * dx;
                    out[(y * width + x) * 3 + c] = (float) (top + (bottom - top) * dy);
                }
            }
        }
        return out;
    }

    /**
     * The part of {@code frame} that {@code view} frames, averaged down (or stretched) to {@code width} x
     * {@code height}; where the view reaches beyond the picture it is black.
     */
    static float[] scaled(RgbFrame frame, View view, int width, int height) {
        AxisWeights across = AxisWeights.of(frame.width(), view.left() * frame.width(), view.width() * frame.width(), width);
        AxisWeights down = AxisWeights.of(frame.height(), view.top() * frame.height(), view.height() * frame.height(), height);
        float[] rows = new float[frame.height() * width * 3];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < width; x++) {
                for (int k = 0; k < across.count(x); k++) {
                    int from = across.first(x) + k;
                    float w = across.weight(x, k);
                    for (int c = 0; c < 3; c++) {
                        rows[(y * width + x) * 3 + c] += w * frame.value(from, y, c);
                    }
                }
            }
        }
        float[] out = new float[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int k = 0; k < down.count(y); k++) {
                int from = down.first(y) + k;
                float w = down.weight(y, k);
                for (int i = 0; i < width * 3; i++) {
                    out[y * width * 3 + i] += w * rows[from * width * 3 + i];
                }
            }
        }
        return out;
    }

    /**
     * A rectangle of a picture, in fractions of the picture's width and height from its top left corner; it may
     * reach beyond the picture.
     */
    record View(double left, double top, double width, double height) {

        /**
         * The square that holds a whole picture {@code aspect} times as wide as it is high, centred: the picture
         * is letterboxed in it.
         */
        static View letterbox(double aspect) {
            return aspect >= 1 ? new View(0, (1 - aspect) / 2, 1, aspect) : new View((1 - 1 / aspect) / 2, 0, 1 / aspect, 1);
        }

        /**
         * The square centred on ({@code x}, {@code y}) whose side is {@code side} times the picture's height, in a
         * picture {@code aspect} times as wide as it is high.
         */
        static View square(double x, double y, double side, double aspect) {
            return new View(x - side / aspect / 2, y - side / 2, side / aspect, side);
        }

        /** A face found in this view, its box in fractions of the view, as a face in the picture. */
        Face toPicture(Face inView) {
            return new Face(left + inView.x() * width, top + inView.y() * height, inView.width() * width,
                    inView.height() * height, inView.score());
        }
    }

    /** For each output pixel along one axis: the first source pixel it covers and each covered pixel's share. */
    private record AxisWeights(int[] firsts, float[][] weights) {
        /** {@code target} output pixels over {@code length} source pixels from {@code start}, of {@code source}. */
        static AxisWeights of(int source, double start, double length, int target) {
            double step = length / target;
            int[] firsts = new int[target];
            float[][] weights = new float[target][];
            for (int i = 0; i < target; i++) {
                double from = start + i * step;
                double to = from + step;
                int first = Math.max(0, (int) Math.floor(from));
                int last = Math.min(source - 1, (int) Math.ceil(to) - 1);
                firsts[i] = first;
                weights[i] = new float[Math.max(0, last - first + 1)];
                for (int j = first; j <= last; j++) {
                    weights[i][j - first] = (float) ((Math.min(to, j + 1) - Math.max(from, j)) / step);
                }
            }
            return new AxisWeights(firsts, weights);
        }

        int first(int i) {
            return firsts[i];
        }

        int count(int i) {
            return weights[i].length;
        }

        float weight(int i, int k) {
            return weights[i][k];
        }
    }
}
