package org.pando.understanding;

import java.util.Comparator;
import java.util.List;

/**
 * What a video's (or a still image's) pictures show, from frames sampled once a second.
 *
 * @param frames    each sampled frame's findings, in time order; at least one
 * @param embedding the mean image embedding of the frames
 */
public record VisualFindings(List<FrameFindings> frames, ImageEmbedding embedding) {

    public VisualFindings {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("Visual findings need at least one frame");
        }
    }

    /** The highest NSFW score of any frame, 0 to 1. */
    public double nsfwMax() {
        return worstFrame().nsfw();
    }

    /** When the frame with the highest NSFW score is shown, in seconds. */
    public double nsfwMaxAt() {
        return worstFrame().t();
    }

    /** The most faces seen in one frame: how many people show their face together at most. */
    public int facesFound() {
        return frames.stream().mapToInt(FrameFindings::faces).max().orElse(0);
    }

    /** The share of the picture showing people, frame by frame. */
    public List<PersonCoverage> personCoverage() {
        return frames.stream().map(f -> new PersonCoverage(f.t(), f.personCoverage())).toList();
    }

    private FrameFindings worstFrame() {
        return frames.stream().max(Comparator.comparingDouble(FrameFindings::nsfw)).orElseThrow();
    }
}
