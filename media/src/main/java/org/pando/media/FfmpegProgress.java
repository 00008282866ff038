package org.pando.media;

/**
 * One block of ffmpeg's {@code -progress} output.
 *
 * @param frame     frames encoded so far for the first video output (the top rung); 0 without a picture
 * @param outTimeMs how far into the media the outputs are written, in milliseconds
 * @param ended     whether ffmpeg said {@code progress=end}
 */
record FfmpegProgress(long frame, long outTimeMs, boolean ended) {
}
