package org.pando.understanding;

import java.nio.file.Path;

/**
 * Settings of media understanding ({@code understanding.*}).
 *
 * @param modelsDir      where the models unpacked at build time are ({@code understanding.models-dir}, default
 *                       {@code models/} beside Pando's jar)
 * @param sceneThreshold ffmpeg {@code scdet} score (0–100) above which the picture counts as cut
 *                       ({@code understanding.scene-threshold}, default 10)
 * @param minConfidence  mean word confidence below which speech is taken not to be English and gets no
 *                       captions ({@code understanding.min-speech-confidence}, default 0.6)
 */
public record UnderstandingConfig(Path modelsDir, double sceneThreshold, double minConfidence) {
}
