package org.pando.moderation;

import java.util.Comparator;
import java.util.Optional;
import org.pando.understanding.FrameFindings;
import org.pando.understanding.VisualFindings;

/**
 * Decides from what a video's pictures show whether it waits for a moderator before anyone else sees it.
 *
 * <p>A frame holds the video when its NSFW score is above the threshold that applies to it: {@code hold-threshold}
 * when it shows a person (a face was found, or people cover at least {@code min-person-coverage} of the picture),
 * the stricter {@code hold-threshold-without-person} when it does not. Filmed sexual material shows people, while
 * the classifier's false alarms come mostly from skin-coloured things without anyone in the picture (sand, wood,
 * bread, a bare wall); drawn material, which the person models do not see, is still held when the classifier is
 * nearly sure of it. Of the frames that hold the video, the one with the highest score is reported.
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

    /** The frame that holds the video, or empty when none is above its threshold. */
    public Optional<FlaggedFrame> flaggedFrame(VisualFindings seen) {
        return seen.frames().stream()
                .filter(frame -> frame.nsfw() > threshold(frame))
                .max(Comparator.comparingDouble(FrameFindings::nsfw))
                .map(frame -> new FlaggedFrame(frame.t(), frame.nsfw(), showsPerson(frame), threshold(frame)));
    }

    /** Whether a frame shows a person: a face, or people covering enough of the picture. */
    boolean showsPerson(FrameFindings frame) {
        return frame.faces() > 0 || frame.personCoverage() >= config.minPersonCoverage();
    }

    private double threshold(FrameFindings frame) {
        return showsPerson(frame) ? config.holdThreshold()
                : Math.max(config.holdThreshold(), config.holdThresholdWithoutPerson());
    }
}
