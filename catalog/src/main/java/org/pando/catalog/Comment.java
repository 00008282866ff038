package org.pando.catalog;

import java.time.Instant;

/**
 * A comment under a video.
 *
 * @param id             stable random identifier
 * @param videoId        the video commented on
 * @param authorId       account that wrote it
 * @param authorUsername that account's username, for display
 * @param body           the text, 1 to 2000 characters
 * @param createdAt      when it was written
 */
public record Comment(String id, String videoId, String authorId, String authorUsername, String body, Instant createdAt) {
}
