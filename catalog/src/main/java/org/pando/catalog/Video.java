package org.pando.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * A video or an audio clip, and its processing state.
 *
 * @param id          stable random identifier, used in URLs
 * @param channelId   channel it is published in (its creator)
 * @param title       title given at upload
 * @param description description given at upload
 * @param kind        a video, or an audio clip without a picture; {@code VIDEO} until the upload is probed
 * @param status      processing, ready or failed
 * @param error       when failed: a message for the uploader
 * @param progress    fraction of processing done, 0 to 1
 * @param playable    whether the HLS master playlist can be played (true before {@code READY})
 * @param durationMs  duration in milliseconds, 0 until probed
 * @param width       display width in pixels, 0 until probed and for an audio clip
 * @param height      display height in pixels, 0 until probed and for an audio clip
 * @param country     the uploader's country at upload time, for the Local tab
 * @param language    the uploader's first language at upload time
 * @param likes       how many accounts like it
 * @param comments    how many comments it has
 * @param createdAt   when the upload finished
 * @param publication whether others may see it, apart from its processing
 */
public record Video(
        String id,
        String channelId,
        String title,
        String description,
        VideoKind kind,
        VideoStatus status,
        Optional<String> error,
        double progress,
        boolean playable,
        long durationMs,
        int width,
        int height,
        Optional<String> country,
        Optional<String> language,
        long likes,
        long comments,
        Instant createdAt,
        Publication publication) {

    /** Whether everyone may see it: ready, and published or approved. */
    public boolean published() {
        return status == VideoStatus.READY && publication.isPublic();
    }
}
