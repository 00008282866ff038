package org.pando.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pando.domain.InvalidInput;
import org.pando.domain.RandomIds;
import org.pando.domain.RecentReads;

/**
 * Channels, their pages and who follows them.
 *
 * <pre>{@code
 * Channel travel = channels.create(account.id(), "ana-travels", "Ana travels", "Trains and markets.");
 * channels.edit(account.id(), "ana-travels", new ChannelEdit(Optional.empty(), Optional.empty(),
 *         Optional.of(List.of(new ChannelLink("Blog", "https://ana.example/")))));
 * channels.follow(viewer.id(), travel.id());
 * }</pre>
 */
public final class ChannelService {
    /** Most links a channel shows. */
    public static final int MAX_LINKS = 5;
    /** Longest label of a link. */
    public static final int MAX_LINK_LABEL = 40;
    /** Longest address of a link. */
    public static final int MAX_LINK_URL = 500;
    /** How long {@link #byIdsCached} uses a channel read before reading it again. */
    public static final Duration CACHED_FOR = Duration.ofSeconds(5);
    private static final int MAX_CACHED = 100_000;
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private final ChannelRepository repository;
    private final Consumer<Channel> renamed;
    private final Clock clock;
    private final RecentReads<Channel> cached = new RecentReads<>(this::byIds, CACHED_FOR, MAX_CACHED, System::nanoTime);

    /**
     * @param renamed told of a channel whose name changed, after the change: what shows its name elsewhere (the
     *                search index of its videos) reads it again
     */
    public ChannelService(ChannelRepository repository, Consumer<Channel> renamed, Clock clock) {
        this.repository = repository;
        this.renamed = renamed;
        this.clock = clock;
    }

    /** A further channel of the owner. */
    public Channel create(String ownerId, String handle, String displayName, String description) {
        String h = handle.trim().toLowerCase(Locale.ROOT);
        if (!HANDLE.matcher(h).matches()) {
            throw new InvalidInput("handle", "Use 3 to 32 letters, digits, dots, dashes or underscores for the handle.");
        }
        Channel channel = Channel.created(RandomIds.id(), ownerId, h, displayName(displayName), description(description),
                now());
        repository.insert(channel);
        return channel;
    }

    /**
     * Changes the page of a channel the account owns: its name, description or links.
     *
     * @throws NotAllowed when the account does not own the channel
     */
    public Channel edit(String accountId, String handle, ChannelEdit edit) {
        Channel channel = owned(accountId, handle);
        Channel edited = channel.edited(edit.displayName().map(ChannelService::displayName).orElse(channel.displayName()),
                edit.description().map(ChannelService::description).orElse(channel.description()),
                edit.links().map(ChannelService::links).orElse(channel.links()));
        repository.update(edited);
        cached.forget(edited.id());
        if (!edited.displayName().equals(channel.displayName())) {
            renamed.accept(edited);
        }
        return edited;
    }

    /**
     * The channel of that handle, when the account owns it.
     *
     * @throws ChannelNotFound when there is no such channel
     * @throws NotAllowed      when another account owns it
     */
    public Channel owned(String accountId, String handle) {
        Channel channel = byHandle(handle);
        if (!channel.ownerId().equals(accountId)) {
            throw new NotAllowed("Only the channel's owner may change it.");
        }
        return channel;
    }

    /** Records that the channel's picture was just replaced (its file written), or removed when {@code set} is false. */
    public Channel pictureChanged(String channelId, ChannelPicture kind, boolean set) {
        repository.setPicture(channelId, kind, set ? Optional.of(now()) : Optional.empty());
        cached.forget(channelId);
        return byId(channelId);
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
        boolean followed = repository.follow(accountId, channelId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        cached.forget(channelId);
        return followed;
    }

    /** Stops following; returns false when not following. */
    public boolean unfollow(String accountId, String channelId) {
        byId(channelId);
        boolean unfollowed = repository.unfollow(accountId, channelId);
        cached.forget(channelId);
        return unfollowed;
    }

    /** Which of these channels the account follows, read at once. */
    public Set<String> followedAmong(String accountId, Collection<String> channelIds) {
        return channelIds.isEmpty() ? Set.of() : repository.followedAmong(accountId, channelIds);
    }

    /** The channels of these ids that exist, by id, read at once. */
    public Map<String, Channel> byIds(Collection<String> ids) {
        return ids.isEmpty() ? Map.of()
                : repository.findAll(ids).stream().collect(Collectors.toMap(Channel::id, Function.identity()));
    }

    /**
     * The channels of these ids that exist, by id, as read at most {@link #CACHED_FOR} ago: for feed pages, which
     * name the same channels again and again. This service's own changes show at once; changes made by another
     * process or node show within those seconds.
     */
    public Map<String, Channel> byIdsCached(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : cached.find(ids);
    }

    public boolean isFollowing(String accountId, String channelId) {
        return repository.isFollowing(accountId, channelId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String displayName(String displayName) {
        String name = displayName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidInput("display_name", "Give the channel a name of 1 to 100 characters.");
        }
        return name;
    }

    private static String description(String description) {
        if (description.length() > 5000) {
            throw new InvalidInput("description", "Keep the description under 5000 characters.");
        }
        return description.strip();
    }

    /** The links as kept: at most {@link #MAX_LINKS}, each a web address with a label of one line. */
    private static List<ChannelLink> links(List<ChannelLink> links) {
        if (links.size() > MAX_LINKS) {
            throw new InvalidInput("links", "A channel shows at most " + MAX_LINKS + " links.");
        }
        return links.stream().map(ChannelService::link).toList();
    }

    private static ChannelLink link(ChannelLink link) {
        String url = link.url().strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInput("links", "'" + shortened(url) + "' is not a web address.");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (url.length() > MAX_LINK_URL || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new InvalidInput("links", "A link is a web address starting with https:// or http://, of at most "
                    + MAX_LINK_URL + " characters; '" + shortened(url) + "' is not.");
        }
        String label = link.label().strip();
        if (label.isEmpty()) {
            label = uri.getHost();
        }
        if (label.length() > MAX_LINK_LABEL || label.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("links", "A link's label is one line of at most " + MAX_LINK_LABEL + " characters.");
        }
        return new ChannelLink(label, url);
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
