package org.pando.understanding;

/**
 * What one sampled frame shows.
 *
 * @param t              when, in seconds from the start
 * @param nsfw           how inappropriate it looks, 0 to 1 ({@code Porn + Hentai + 0.5 * Sexy} of nsfwjs's classes)
 * @param faces          how many faces were found in it
 * @param personCoverage the share of the picture showing people, 0 to 1
 */
public record FrameFindings(double t, double nsfw, int faces, double personCoverage) {
}
