package org.pando.catalog;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.pando.account.Account;
import org.pando.domain.InvalidInput;
import org.pando.domain.Keyset;
import org.pando.domain.Page;
import org.pando.domain.RandomIds;

/**
 * Likes and comments on videos.
 *
 * <pre>{@code
 * social.like(viewer.id(), video.id());
 * Comment c = social.comment(viewer, video.id(), "Lovely light.");
 * social.deleteComment(viewer.id(), c.id());
 * }</pre>
 */
public final class SocialService {
    /** Longest comment, in characters. */
    public static final int MAX_COMMENT = 2000;

    private final SocialRepository repository;
    private final VideoService videos;
    private final Clock clock;

    public SocialService(SocialRepository repository, VideoService videos, Clock clock) {
        this.repository = repository;
        this.videos = videos;
        this.clock = clock;
    }

    /** Likes the video; returns false when it was already liked. */
    public boolean like(String accountId, String videoId) {
        videos.get(videoId);
        boolean liked = repository.like(accountId, videoId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        videos.countsChanged(videoId);
        return liked;
    }

    /** Removes the like; returns false when there was none. */
    public boolean unlike(String accountId, String videoId) {
        videos.get(videoId);
        boolean unliked = repository.unlike(accountId, videoId);
        videos.countsChanged(videoId);
        return unliked;
    }

    /** Which of these videos the account likes, read at once. */
    public Set<String> likedAmong(String accountId, Collection<String> videoIds) {
        return videoIds.isEmpty() ? Set.of() : repository.likedAmong(accountId, videoIds);
    }

    public boolean likes(String accountId, String videoId) {
        return repository.likes(accountId, videoId);
    }

    /** Adds a comment under the video. */
    public Comment comment(Account author, String videoId, String body) {
        videos.get(videoId);
        String text = body.strip();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw new InvalidInput("body", "Write a comment of 1 to " + MAX_COMMENT + " characters.");
        }
        Comment comment = new Comment(RandomIds.id(), videoId, author.id(), author.username(), text,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        repository.insertComment(comment);
        videos.countsChanged(videoId);
        return comment;
    }

    /** Deletes a comment; only its author and the owner of the video's channel may. */
    public void deleteComment(String accountId, String commentId) {
        Comment comment = repository.findComment(commentId).orElseThrow(() -> new CommentNotFound(commentId));
        Video video = videos.get(comment.videoId());
        if (!comment.authorId().equals(accountId) && !videos.ownedBy(video, accountId)) {
            throw new NotAllowed("Only the comment's author and the channel's owner can delete it.");
        }
        repository.deleteComment(commentId);
        videos.countsChanged(video.id());
    }

    /** The comment with this id. */
    public Comment comment(String commentId) {
        return find(commentId).orElseThrow(() -> new CommentNotFound(commentId));
    }

    /** The comment with this id, if it still exists. */
    public Optional<Comment> find(String commentId) {
        return repository.findComment(commentId);
    }

    /** Removes a comment a moderator rejected. */
    public void remove(Account moderator, String commentId) {
        if (!moderator.moderates()) {
            throw new NotAllowed("Only moderators can remove other people's comments.");
        }
        Comment comment = comment(commentId);
        repository.deleteComment(comment.id());
        videos.countsChanged(comment.videoId());
    }

    /** Comments of a video, newest first. */
    public Page<Comment> comments(String videoId, Optional<String> cursor, int limit) {
        videos.get(videoId);
        int size = Math.max(1, Math.min(100, limit));
        return Page.ofOverfetched(repository.comments(videoId, Keyset.from(cursor), size + 1), size,
                comment -> new Keyset(comment.createdAt(), comment.id()));
    }
}
