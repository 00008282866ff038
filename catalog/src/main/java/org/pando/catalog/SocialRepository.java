package org.pando.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pando.domain.Keyset;

/** Where likes and comments are kept. Implemented by the store module. */
public interface SocialRepository {
    /** Records a like; returns false when the account already liked the video. */
    boolean like(String accountId, String videoId, Instant at);

    /** Removes a like; returns false when there was none. */
    boolean unlike(String accountId, String videoId);

    boolean likes(String accountId, String videoId);

    /** Which of these videos the account likes. */
    Set<String> likedAmong(String accountId, Collection<String> videoIds);

    void insertComment(Comment comment);

    Optional<Comment> findComment(String id);

    void deleteComment(String id);

    /** Comments of a video after a position, newest first. */
    List<Comment> comments(String videoId, Keyset after, int limit);
}
