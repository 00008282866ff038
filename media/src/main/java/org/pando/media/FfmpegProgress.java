package org.pando.media;

/**
 * One block of ffmpeg's {@code -progress} output.
 *
 * @param frame frames encoded so far for the first video output (the top rung)
 * @param ended whether ffmpeg said {@code progress=end}
 */
record FfmpegProgress(long frame, boolean ended) {
}
