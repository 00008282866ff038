package org.pando.media;

/**
 * One rendition of the ladder.
 *
 * @param name        directory and variant name, such as {@code 720p}
 * @param width       output width in pixels (even)
 * @param height      output height in pixels (even)
 * @param videoKbps   target H.264 bitrate
 */
public record Rung(String name, int width, int height, int videoKbps) {

    /** The short side, which names the rung (a 720x1280 portrait video is 720p). */
    public int shortSide() {
        return Math.min(width, height);
    }
}
