package org.pando.upload;

import java.time.Instant;
import java.util.Optional;

/**
 * An upload in progress or finished.
 *
 * @param id        stable random identifier, the last segment of its tus URL
 * @param accountId who is uploading; nobody else can see or touch it
 * @param length    total size in bytes, declared at creation
 * @param metadata  what the uploader said about the file
 * @param createdAt when it was created
 * @param expiresAt when an unfinished upload is discarded
 * @param videoId   the video made from it, once finished
 */
public record Upload(
        String id, String accountId, long length, UploadMetadata metadata, Instant createdAt, Instant expiresAt,
        Optional<String> videoId) {

    /** Whether every byte has arrived and the file was handed on. */
    public boolean finished() {
        return videoId.isPresent();
    }
}
