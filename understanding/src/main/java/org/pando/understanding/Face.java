package org.pando.understanding;

/**
 * A face found in a picture, as fractions of the picture's width and height from its top left corner.
 *
 * @param x      the centre of the face's box, from the left
 * @param y      the centre of the face's box, from the top
 * @param width  the box's width
 * @param height the box's height
 * @param score  how sure the detector is, 0 to 1
 */
public record Face(double x, double y, double width, double height, double score) {

    /** Intersection over union of the two boxes: 0 apart, 1 the same box. */
    double overlap(Face other) {
        double w = Math.min(x + width / 2, other.x + other.width / 2) - Math.max(x - width / 2, other.x - other.width / 2);
        double h = Math.min(y + height / 2, other.y + other.height / 2) - Math.max(y - height / 2, other.y - other.height / 2);
        double inner = Math.max(0, w) * Math.max(0, h);
        double union = width * height + other.width * other.height - inner;
        return union <= 0 ? 0 : inner / union;
    }
}
