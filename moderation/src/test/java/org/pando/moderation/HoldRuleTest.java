package org.pando.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.pando.understanding.FrameFindings;
import org.pando.understanding.ImageEmbedding;
import org.pando.understanding.PictureFindings;
import org.pando.understanding.VisualFindings;

/**
 * When the pictures (sampled frames and the poster) hold a video for review, with the default thresholds (0.8 with a
 * person, 0.95 without).
 */
class HoldRuleTest {
    private static final HoldRule RULE = new HoldRule(ModerationConfig.defaults());

    /** A frame with a face, one covered by people but faceless, and one with nobody in it. */
    private static FrameFindings face(double t, double nsfw) {
        return new FrameFindings(t, nsfw, 1, 0.01);
    }

    private static FrameFindings body(double t, double nsfw, double coverage) {
        return new FrameFindings(t, nsfw, 0, coverage);
    }

    private static FrameFindings empty(double t, double nsfw) {
        return new FrameFindings(t, nsfw, 0, 0);
    }

    /** Frames of a video and the frame that holds it, if any. */
    private record Case(String what, List<FrameFindings> frames, Optional<FlaggedFrame> held) {
    }

    private static final List<Case> CASES = List.of(
            new Case("a clean video", List.of(face(0, 0.02), face(1, 0.3), empty(2, 0.1)), Optional.empty()),
            new Case("a face at exactly the threshold (it must be above)", List.of(face(0, 0.8)), Optional.empty()),
            new Case("a face just above the threshold", List.of(face(0, 0.1), face(3, 0.8001)),
                    Optional.of(new FlaggedFrame(3, 0.8001, true, 0.8))),
            new Case("people covering 5% of the picture count as a person", List.of(body(2, 0.85, 0.05)),
                    Optional.of(new FlaggedFrame(2, 0.85, true, 0.8))),
            new Case("people covering less than 5% and no face do not", List.of(body(2, 0.85, 0.049)), Optional.empty()),
            new Case("nobody in the picture, below the stricter threshold", List.of(empty(4, 0.94)), Optional.empty()),
            new Case("nobody in the picture, at the stricter threshold", List.of(empty(4, 0.95)), Optional.empty()),
            new Case("nobody in the picture, above the stricter threshold (drawn material)", List.of(empty(4, 0.97)),
                    Optional.of(new FlaggedFrame(4, 0.97, false, 0.95))),
            new Case("the highest of the frames that hold it is reported", List.of(face(1, 0.85), face(7, 0.93), empty(9, 0.9)),
                    Optional.of(new FlaggedFrame(7, 0.93, true, 0.8))),
            new Case("a higher score without a person does not hide the one that holds it",
                    List.of(empty(1, 0.94), face(5, 0.82)), Optional.of(new FlaggedFrame(5, 0.82, true, 0.8))));

    @Test
    void holdsAVideoWhenAFrameIsAboveTheThresholdForWhatItShows() {
        for (Case c : CASES) {
            VisualFindings seen = new VisualFindings(c.frames(), new ImageEmbedding(new float[] {1}));
            assertThat(RULE.flaggedFrame(seen)).as(c.what()).isEqualTo(c.held());
        }
    }

    @Test
    void thePosterHoldsAVideoWhoseFramesAreClean() {
        List<FrameFindings> clean = List.of(face(0, 0.1), empty(1, 0.2));
        ImageEmbedding embedding = new ImageEmbedding(new float[] {1});

        assertThat(RULE.flaggedFrame(new VisualFindings(clean, Optional.of(new PictureFindings(0.85, 1, 0.3)), embedding)))
                .as("a poster with a person above 0.8").contains(new FlaggedFrame(OptionalDouble.empty(), 0.85, true, 0.8))
                .hasValueSatisfying(f -> assertThat(f.isPoster()).as("reported as the poster").isTrue());
        assertThat(RULE.flaggedFrame(new VisualFindings(clean, Optional.of(new PictureFindings(0.9, 0, 0)), embedding)))
                .as("a poster without a person below 0.95").isEmpty();
        assertThat(RULE.flaggedFrame(new VisualFindings(List.of(face(4, 0.97)), Optional.of(new PictureFindings(0.85, 1, 0.3)),
                embedding))).as("a frame scoring higher than the poster is reported instead")
                .contains(new FlaggedFrame(4, 0.97, true, 0.8));
    }

    @Test
    void aStillPictureIsFlaggedByTheThresholdForWhatItShows() {
        assertThat(RULE.flaggedPicture(new PictureFindings(0.85, 1, 0.3))).as("a face above 0.8")
                .contains(new FlaggedFrame(OptionalDouble.empty(), 0.85, true, 0.8));
        assertThat(RULE.flaggedPicture(new PictureFindings(0.8, 1, 0.3))).as("a face at exactly 0.8").isEmpty();
        assertThat(RULE.flaggedPicture(new PictureFindings(0.9, 0, 0.01))).as("nobody, below 0.95").isEmpty();
        assertThat(RULE.flaggedPicture(new PictureFindings(0.96, 0, 0))).as("nobody, above 0.95")
                .contains(new FlaggedFrame(OptionalDouble.empty(), 0.96, false, 0.95));
    }

    @Test
    void theThresholdWithoutAPersonIsNeverBelowTheOneWithAPerson() {
        ModerationConfig raised = new ModerationConfig(0.99, 0.95, 0.05);
        VisualFindings seen = new VisualFindings(List.of(empty(0, 0.97)), new ImageEmbedding(new float[] {1}));

        assertThat(raised.holdThresholdWithoutPerson()).as("the threshold without a person, set below 0.99").isEqualTo(0.99);
        assertThat(new HoldRule(raised).flaggedFrame(seen)).as("an empty frame at 0.97 with hold-threshold 0.99").isEmpty();
    }

    @Test
    void aLoweredThresholdHoldsWhatTheDefaultsLetThrough() {
        VisualFindings seen = new VisualFindings(List.of(face(0, 0.319)), new ImageEmbedding(new float[] {1}));

        assertThat(RULE.flaggedFrame(seen)).as("0.319 with the defaults").isEmpty();
        assertThat(new HoldRule(ModerationConfig.defaults().withHoldThreshold(0.25)).flaggedFrame(seen))
                .as("0.319 with hold-threshold 0.25").contains(new FlaggedFrame(0, 0.319, true, 0.25));
    }

    @Test
    void settingsOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> new ModerationConfig(1.2, 0.95, 0.05)).as("a threshold above 1")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moderation.hold-threshold");
        assertThatThrownBy(() -> new ModerationConfig(0.8, 0.95, -0.1)).as("a negative coverage")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moderation.min-person-coverage");
        assertThatThrownBy(() -> new ModerationConfig(Double.NaN, 0.95, 0.05)).as("not a number")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
