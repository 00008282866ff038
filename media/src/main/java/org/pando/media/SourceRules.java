package org.pando.media;

import java.time.Duration;
import java.util.Set;

/**
 * Decides whether a probed source can become a video or an audio clip, with a message the uploader understands
 * when not.
 */
final class SourceRules {
    private static final Set<String> STILL_IMAGE_FORMATS =
            Set.of("image2", "png_pipe", "jpeg_pipe", "webp_pipe", "gif", "bmp_pipe", "tiff_pipe", "svg_pipe");
    private static final long MIN_DURATION_MS = 100;

    private final MediaConfig config;

    SourceRules(MediaConfig config) {
        this.config = config;
    }

    /** Throws {@link MediaRejected} for the first rule the source breaks. */
    void check(ProbeResult probe) {
        if (probe.video().isEmpty() && !probe.hasAudio()) {
            throw new MediaRejected("media-no-audio-or-video", "This file has neither sound nor picture. Upload a video "
                    + "(such as MP4, MOV, MKV or WebM) or an audio file (such as MP3, M4A, OGG, Opus, WAV or FLAC).");
        }
        probe.video().ifPresent(video -> checkPicture(probe, video));
        checkLength(probe, probe.audioOnly() ? "audio clip" : "video");
    }

    private void checkPicture(ProbeResult probe, VideoTrack video) {
        if (STILL_IMAGE_FORMATS.contains(probe.formatName()) || "gif".equals(video.codec())) {
            throw new MediaRejected("media-still-image", "This is a still image, not a video.");
        }
        if (video.width() <= 0 || video.height() <= 0) {
            throw new MediaRejected("media-unreadable", "The video track has no picture size; the file may be damaged.");
        }
        if (video.displayWidth() > config.maxWidth() || video.displayHeight() > config.maxHeight()
                || (long) video.width() * video.height() > config.maxPixels()) {
            throw new MediaRejected("media-too-large-frame", "The video is " + video.displayWidth() + "x"
                    + video.displayHeight() + " pixels; the largest accepted is " + config.maxWidth() + "x"
                    + config.maxHeight() + " and " + config.maxPixels() / 1_000_000 + " megapixels.");
        }
    }

    private void checkLength(ProbeResult probe, String noun) {
        if (probe.durationMs() < MIN_DURATION_MS) {
            throw new MediaRejected("media-no-duration", "The " + noun + " has no length; the file may be damaged or incomplete.");
        }
        if (probe.durationMs() > config.maxDuration().toMillis()) {
            throw new MediaRejected("media-too-long", "The " + noun + " is " + clock(Duration.ofMillis(probe.durationMs()))
                    + " long; the longest accepted is " + clock(config.maxDuration()) + ".");
        }
    }

    private static String clock(Duration duration) {
        return String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
    }
}
