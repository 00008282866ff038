package org.pando.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pando.media.RgbFrame;
import org.pando.media.VideoTrack;

/**
 * The three image models of the visual step, loaded together: NSFW classification, face detection and person
 * segmentation, one ONNX Runtime session of one thread each. {@link #review} follows one video's frames;
 * several reviews may run at once, since ONNX Runtime sessions run concurrently.
 *
 * <pre>{@code
 * try (VisualModels models = VisualModels.load()) {
 *     VisualModels.FrameSize size = VisualModels.FrameSize.of(track);
 *     VisualModels.Review review = models.review();
 *     inspector.sampledFrames(clip, size.width(), size.height(), review::accept, workDir);
 *     VisualFindings found = review.finish();
 * }
 * }</pre>
 */
final class VisualModels implements AutoCloseable {
    private final NsfwClassifier nsfw;
    private final FaceDetector faces;
    private final PersonSegmenter people;

    private VisualModels(NsfwClassifier nsfw, FaceDetector faces, PersonSegmenter people) {
        this.nsfw = nsfw;
        this.faces = faces;
        this.people = people;
    }

    /** Loads the three models bundled with Pando; one that cannot be loaded releases the others. */
    static VisualModels load() {
        NsfwClassifier nsfw = NsfwClassifier.load();
        try {
            FaceDetector faces = FaceDetector.load();
            try {
                return new VisualModels(nsfw, faces, PersonSegmenter.load());
            } catch (RuntimeException e) {
                faces.close();
                throw e;
            }
        } catch (RuntimeException e) {
            nsfw.close();
            throw e;
        }
    }

    /** Follows one video's frames. */
    Review review() {
        return new Review();
    }

    @Override
    public void close() {
        try {
            nsfw.close();
        } finally {
            try {
                faces.close();
            } finally {
                people.close();
            }
        }
    }

    /**
     * The size to ask ffmpeg for frames: the picture as shown, at most {@link #MAX_SIDE} pixels on its longer
     * side, never enlarged. Each model then resizes it to its input as its own library does.
     */
    record FrameSize(int width, int height) {
        /** Longest side of a frame: enough for a face across a room, small enough to resize quickly. */
        static final int MAX_SIDE = 768;

        static FrameSize of(VideoTrack track) {
            int width = Math.max(1, track.displayWidth());
            int height = Math.max(1, track.displayHeight());
            double shrink = Math.min(1, (double) MAX_SIDE / Math.max(width, height));
            return new FrameSize(Math.max(1, (int) Math.round(width * shrink)), Math.max(1, (int) Math.round(height * shrink)));
        }
    }

    /** Looks at one still picture with the three models. */
    PictureFindings look(RgbFrame picture) {
        return new PictureFindings(nsfw.read(picture).score(), faces.faces(picture).size(), people.coverage(picture));
    }

    /**
     * One video's frames: {@link #accept} them in time order, the {@link #poster} at any point, then
     * {@link #finish()}. Not thread-safe.
     */
    final class Review {
        private final List<FrameFindings> frames = new ArrayList<>();
        private final double[] featureSums = new double[NsfwClassifier.FEATURES];
        private PictureFindings poster;

        private Review() {
        }

        /** Looks at the next sampled frame with the three models. */
        void accept(RgbFrame frame) {
            NsfwClassifier.Reading reading = nsfw.read(frame);
            float[] features = reading.features();
            for (int i = 0; i < features.length; i++) {
                featureSums[i] += features[i];
            }
            frames.add(new FrameFindings(frame.timeS(), reading.score(), faces.faces(frame).size(), people.coverage(frame)));
        }

        /** Looks at the video's poster with the three models; it does not count among the frames or the embedding. */
        void poster(RgbFrame picture) {
            poster = look(picture);
        }

        /** How many frames have been looked at. */
        int seen() {
            return frames.size();
        }

        /**
         * What the frames show.
         *
         * @throws IllegalStateException when there was no frame
         */
        VisualFindings finish() {
            if (frames.isEmpty()) {
                throw new IllegalStateException("The file has no picture that could be decoded");
            }
            float[] mean = new float[featureSums.length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (featureSums[i] / frames.size());
            }
            return new VisualFindings(frames, Optional.ofNullable(poster), new ImageEmbedding(mean));
        }
    }
}
