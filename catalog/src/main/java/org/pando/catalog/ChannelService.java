package org.pando.catalog;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pando.domain.InvalidInput;
import org.pando.domain.RandomIds;

/**
 * Channels and who follows them.
 *
 * <pre>{@code
 * Channel travel = channels.create(account.id(), "ana-travels", "Ana travels", "Trains and markets.");
 * channels.follow(viewer.id(), travel.id());
 * }</pre>
 */
public final class ChannelService {
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private final ChannelRepository repository;
    private final Clock clock;

    public ChannelService(ChannelRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A further channel of the owner. */
    public Channel create(String ownerId, String handle, String displayName, String description) {
        String h = handle.trim().toLowerCase(Locale.ROOT);
        if (!HANDLE.matcher(h).matches()) {
            throw new InvalidInput("handle", "Use 3 to 32 letters, digits, dots, dashes or underscores for the handle.");
        }
        String name = displayName.trim();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidInput("display_name", "Give the channel a name of 1 to 100 characters.");
        }
        if (description.length() > 5000) {
            throw new InvalidInput("description", "Keep the description under 5000 characters.");
        }
        Channel channel = new Channel(
                RandomIds.id(), ownerId, h, name, description.trim(), 0, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        repository.insert(channel);
        return channel;
    }

    public Channel byHandle(String handle) {
        return repository.findByHandle(handle.toLowerCase(Locale.ROOT)).orElseThrow(() -> new ChannelNotFound(handle));
    }

    public Channel byId(String id) {
        return repository.findById(id).orElseThrow(() -> new ChannelNotFound(id));
    }

    /** The owner's channels, the default one first. */
    public List<Channel> ofOwner(String ownerId) {
        return repository.listByOwner(ownerId);
    }

    /** The channel an upload goes to when none is named: the owner's first. */
    public Channel defaultChannel(String ownerId) {
        return ofOwner(ownerId).stream().findFirst().orElseThrow(() -> new ChannelNotFound("of this account"));
    }

    /** Follows the channel; returns false when already following. */
    public boolean follow(String accountId, String channelId) {
        Channel channel = byId(channelId);
        if (channel.ownerId().equals(accountId)) {
            throw new InvalidInput("channel", "You cannot follow your own channel.");
        }
        return repository.follow(accountId, channelId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Stops following; returns false when not following. */
    public boolean unfollow(String accountId, String channelId) {
        byId(channelId);
        return repository.unfollow(accountId, channelId);
    }

    public boolean isFollowing(String accountId, String channelId) {
        return repository.isFollowing(accountId, channelId);
    }
}
