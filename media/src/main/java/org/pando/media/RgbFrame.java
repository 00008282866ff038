package org.pando.media;

/**
 * One picture of a video as packed 8-bit RGB, row by row from the top left, three bytes a pixel.
 *
 * @param timeS  when it is shown, in seconds from the start
 * @param width  its width in pixels
 * @param height its height in pixels
 * @param rgb    {@code width * height * 3} bytes; each frame has its own array, which the receiver may keep
 */
public record RgbFrame(double timeS, int width, int height, byte[] rgb) {

    public RgbFrame {
        if (width <= 0 || height <= 0 || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("An RGB frame of " + width + "x" + height + " needs " + width * height * 3L
                    + " bytes, not " + rgb.length);
        }
    }

    /** The value (0–255) of {@code channel} (0 red, 1 green, 2 blue) at column {@code x}, row {@code y}. */
    public int value(int x, int y, int channel) {
        return rgb[(y * width + x) * 3 + channel] & 0xFF;
    }
}
