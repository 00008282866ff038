package org.pando.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where channels and follows are kept. Implemented by the store module. */
public interface ChannelRepository {
    /** Adds a channel; throws {@link HandleTaken} when the handle is used. */
    void insert(Channel channel);

    /** Saves the channel's name, description and links. */
    void update(Channel channel);

    /** Sets when the channel's picture was last replaced, or removes it when empty. */
    void setPicture(String channelId, ChannelPicture kind, Optional<Instant> setAt);

    Optional<Channel> findById(String id);

    Optional<Channel> findByHandle(String handle);

    /** The owner's channels, oldest (the default channel) first. */
    List<Channel> listByOwner(String ownerId);

    /** Records that the account follows the channel; returns false when it already did. */
    boolean follow(String accountId, String channelId, Instant at);

    /** Removes the follow; returns false when there was none. */
    boolean unfollow(String accountId, String channelId);

    boolean isFollowing(String accountId, String channelId);

    /** Which of these channels the account follows. */
    Set<String> followedAmong(String accountId, Collection<String> channelIds);

    /** The channels of these ids that exist. */
    List<Channel> findAll(Collection<String> ids);

    /** Ids of the channels the account follows. */
    List<String> followedChannelIds(String accountId);
}
