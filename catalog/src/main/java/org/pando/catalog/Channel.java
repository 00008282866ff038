package org.pando.catalog;

import java.time.Instant;

/**
 * A channel, where a creator publishes videos. Every account has a default channel named after it.
 *
 * @param id          stable random identifier
 * @param ownerId     account that owns it
 * @param handle      unique lower-case name used in URLs ({@code /c/handle})
 * @param displayName name shown to viewers
 * @param description what the channel is about
 * @param followers   how many accounts follow it
 * @param createdAt   when it was made
 */
public record Channel(
        String id, String ownerId, String handle, String displayName, String description, long followers, Instant createdAt) {
}
