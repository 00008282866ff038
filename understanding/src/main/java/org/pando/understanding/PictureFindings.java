package org.pando.understanding;

/**
 * What one still picture shows, looked at on its own: a video's poster (which listings and the player show before
 * anyone presses play, so it is seen by far more people than any one frame) or a channel's avatar or banner.
 *
 * @param nsfw           how inappropriate it looks, 0 to 1, as for a frame
 * @param faces          how many faces were found in it
 * @param personCoverage the share of the picture showing people, 0 to 1
 */
public record PictureFindings(double nsfw, int faces, double personCoverage) {
}
