package org.pando.pipeline;

import java.util.Locale;
import org.pando.domain.DomainException;
import org.pando.moderation.FlaggedFrame;

/** A picture a channel cannot show; the message tells the creator why and what to send instead. */
public final class PictureRefused extends DomainException {
    private static final long serialVersionUID = 1L;

    private PictureRefused(Reason reason, String code, String message) {
        super(reason, code, message);
    }

    static PictureRefused tooLarge() {
        return new PictureRefused(Reason.TOO_LARGE, "picture-file-too-large",
                "The picture is over " + (ChannelArtwork.MAX_BYTES >> 20) + " MiB; send a smaller file.");
    }

    static PictureRefused missing() {
        return new PictureRefused(Reason.INVALID, "picture-missing", "Send the picture's file as the request body.");
    }

    static PictureRefused inappropriate(FlaggedFrame flag) {
        return new PictureRefused(Reason.INVALID, "picture-inappropriate", String.format(Locale.ROOT,
                "This picture looks inappropriate (score %.2f, above %.2f for a picture %s a person), so the channel cannot "
                        + "show it. Choose another picture.", flag.score(), flag.threshold(), flag.personSeen() ? "with" : "without"));
    }
}
