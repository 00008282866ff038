package org.pando.media;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Passes an ffmpeg run's progress on to a {@link ProcessingListener}, below 1 until ffmpeg says it has ended, and
 * says once that the output became playable: as soon as its master playlist and a first segment of every
 * rendition exist, or at the end when that was never seen.
 */
final class ProgressRelay implements Consumer<FfmpegProgress> {
    private static final double UNFINISHED_AT_MOST = 0.99;

    private final Path out;
    private final ProcessingListener listener;
    private final ToDoubleFunction<FfmpegProgress> share;
    private boolean announced;

    /** {@code share} tells the fraction of the work a progress block stands for. */
    ProgressRelay(Path out, ProcessingListener listener, ToDoubleFunction<FfmpegProgress> share) {
        this.out = out;
        this.listener = listener;
        this.share = share;
    }

    @Override
    public void accept(FfmpegProgress progress) {
        listener.progress(progress.ended() ? 1.0 : Math.min(UNFINISHED_AT_MOST, share.applyAsDouble(progress)));
        if (!announced && HlsOutput.playable(out)) {
            announced = true;
            listener.playable();
        }
    }

    /** Says the output is playable, unless that was already said. */
    void finished() {
        if (!announced) {
            announced = true;
            listener.playable();
        }
    }
}
