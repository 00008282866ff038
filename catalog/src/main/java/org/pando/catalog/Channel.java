package org.pando.catalog;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A channel, where a creator publishes videos. Every account has a default channel named after it.
 *
 * @param id          stable random identifier
 * @param ownerId     account that owns it
 * @param handle      unique lower-case name used in URLs ({@code /c/handle})
 * @param displayName name shown to viewers
 * @param description what the channel is about
 * @param links       the creator's links to elsewhere, in their order
 * @param pictures    the pictures the channel has, with when each was last set
 * @param followers   how many accounts follow it
 * @param createdAt   when it was made
 */
public record Channel(String id, String ownerId, String handle, String displayName, String description,
        List<ChannelLink> links, Map<ChannelPicture, Instant> pictures, long followers, Instant createdAt) {

    public Channel {
        links = List.copyOf(links);
        pictures = pictures.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(pictures));
    }

    /** A new channel: no links, no pictures, no followers yet. */
    public static Channel created(String id, String ownerId, String handle, String displayName, String description,
            Instant createdAt) {
        return new Channel(id, ownerId, handle, displayName, description, List.of(), Map.of(), 0, createdAt);
    }

    /** When the picture was last set, or empty when the channel has none. */
    public Optional<Instant> picture(ChannelPicture kind) {
        return Optional.ofNullable(pictures.get(kind));
    }

    /** The same channel as edited. */
    Channel edited(String newDisplayName, String newDescription, List<ChannelLink> newLinks) {
        return new Channel(id, ownerId, handle, newDisplayName, newDescription, newLinks, pictures, followers, createdAt);
    }
}
