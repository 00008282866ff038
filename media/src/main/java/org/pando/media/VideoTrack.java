package org.pando.media;

/**
 * The first video stream of a source, as ffprobe describes it.
 *
 * @param codec    codec name, such as h264
 * @param width    coded width in pixels
 * @param height   coded height in pixels
 * @param rotation display rotation in degrees (phones record portrait as rotated landscape)
 * @param fps      average frame rate, 0 when unknown
 */
public record VideoTrack(String codec, int width, int height, int rotation, double fps) {

    /** Width as displayed, after rotation. */
    public int displayWidth() {
        return quarterTurned() ? height : width;
    }

    /** Height as displayed, after rotation. */
    public int displayHeight() {
        return quarterTurned() ? width : height;
    }

    private boolean quarterTurned() {
        return Math.abs(rotation) % 180 == 90;
    }
}
