package org.pando.understanding;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a video's (or a still image's) pictures show: frames sampled once a second, plus the poster.
 *
 * @param frames    each sampled frame's findings, in time order; at least one
 * @param poster    what the poster shows; empty when there was none to look at (a file analysed on its own)
 * @param embedding the mean image embedding of the frames
 */
public record VisualFindings(List<FrameFindings> frames, Optional<PictureFindings> poster, ImageEmbedding embedding) {

    public VisualFindings {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("Visual findings need at least one frame");
        }
    }

    /** The findings of frames without a poster to look at. */
    public VisualFindings(List<FrameFindings> frames, ImageEmbedding embedding) {
        this(frames, Optional.empty(), embedding);
    }

    /** The highest NSFW score of any frame or the poster, 0 to 1. */
    public double nsfwMax() {
        return Math.max(worstFrame().nsfw(), poster.map(PictureFindings::nsfw).orElse(0.0));
    }

    /** When the picture with the highest NSFW score is shown, in seconds; empty when it is the poster. */
    public OptionalDouble nsfwMaxAt() {
        FrameFindings worst = worstFrame();
        return poster.filter(p -> p.nsfw() > worst.nsfw()).isPresent() ? OptionalDouble.empty() : OptionalDouble.of(worst.t());
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
