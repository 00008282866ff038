package org.pando.moderation;

import java.util.Optional;

/**
 * Why a video waits for a moderator.
 *
 * @param cause the rule that held it
 * @param frame for {@link HoldCause#NSFW_SCORE}: the frame, its score and when it is shown
 */
public record Hold(HoldCause cause, Optional<FlaggedFrame> frame) {

    /** Held because of a frame's NSFW score. */
    public static Hold of(FlaggedFrame frame) {
        return new Hold(HoldCause.NSFW_SCORE, Optional.of(frame));
    }

    /** Held because the pictures could not be checked. */
    public static Hold notChecked() {
        return new Hold(HoldCause.NOT_CHECKED, Optional.empty());
    }
}
