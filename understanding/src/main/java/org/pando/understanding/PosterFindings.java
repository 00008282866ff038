package org.pando.understanding;

/**
 * What a video's poster shows: the picture listings and the player show before anyone presses play, looked at
 * on its own since it is seen by far more people than any one frame.
 *
 * @param nsfw           how inappropriate it looks, 0 to 1, as for a frame
 * @param faces          how many faces were found in it
 * @param personCoverage the share of the picture showing people, 0 to 1
 */
public record PosterFindings(double nsfw, int faces, double personCoverage) {
}
