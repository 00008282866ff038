package org.pando.moderation;

import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.pando.understanding.FrameFindings;
import org.pando.understanding.PictureFindings;
import org.pando.understanding.VisualFindings;

/**
 * Decides from what a video's pictures show whether it waits for a moderator before anyone else sees it.
 *
 * <p>A picture (a sampled frame, or the poster) holds the video when its NSFW score is above the threshold that
 * applies to it: {@code hold-threshold} when it shows a person (a face was found, or people cover at least
 * {@code min-person-coverage} of the picture), the stricter {@code hold-threshold-without-person} when it does
 * not. Filmed sexual material shows people, while the classifier's false alarms come mostly from skin-coloured
 * things without anyone in the picture (sand, wood, bread, a bare wall); drawn material, which the person models
 * do not see, is still held when the classifier is nearly sure of it. Of the pictures that hold the video, the one
 * with the highest score is reported.
 *
 * <pre>{@code
 * HoldRule rule = new HoldRule(ModerationConfig.defaults());
 * Optional<FlaggedFrame> why = rule.flaggedFrame(analysis.visual().orElseThrow());
 * }</pre>
 */
public final class HoldRule {
    private final ModerationConfig config;

    public HoldRule(ModerationConfig config) {
        this.config = config;
    }

    /** The picture that holds the video, or empty when none is above its threshold. */
    public Optional<FlaggedFrame> flaggedFrame(VisualFindings seen) {
        Stream<Picture> frames = seen.frames().stream().map(Picture::of);
        Stream<Picture> poster = seen.poster().map(Picture::of).stream();
        return Stream.concat(frames, poster)
                .filter(this::holds)
                .max(Comparator.comparingDouble(Picture::nsfw))
                .map(this::flagged);
    }

    /**
     * Whether one still picture (a channel's avatar or banner) would hold a video it were the poster of: such a
     * picture is refused rather than held, since it is shown as soon as it is set.
     */
    public Optional<FlaggedFrame> flaggedPicture(PictureFindings picture) {
        return Optional.of(Picture.of(picture)).filter(this::holds).map(this::flagged);
    }

    private boolean holds(Picture picture) {
        return picture.nsfw() > threshold(picture);
    }

    private FlaggedFrame flagged(Picture picture) {
        return new FlaggedFrame(picture.at(), picture.nsfw(), showsPerson(picture), threshold(picture));
    }

    /** Whether a picture shows a person: a face, or people covering enough of it. */
    private boolean showsPerson(Picture picture) {
        return picture.faces() > 0 || picture.personCoverage() >= config.minPersonCoverage();
    }

    private double threshold(Picture picture) {
        return showsPerson(picture) ? config.holdThreshold() : config.holdThresholdWithoutPerson();
    }

    /** A frame or the poster, as the rule reads it; {@code at} is empty for the poster. */
    private record Picture(OptionalDouble at, double nsfw, int faces, double personCoverage) {

        static Picture of(FrameFindings frame) {
            return new Picture(OptionalDouble.of(frame.t()), frame.nsfw(), frame.faces(), frame.personCoverage());
        }

        static Picture of(PictureFindings poster) {
            return new Picture(OptionalDouble.empty(), poster.nsfw(), poster.faces(), poster.personCoverage());
        }
    }
}
