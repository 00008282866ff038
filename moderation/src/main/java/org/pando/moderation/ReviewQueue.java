package org.pando.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;
import org.pando.account.Account;
import org.pando.account.RoleRequired;
import org.pando.catalog.Comment;
import org.pando.catalog.Publication;
import org.pando.catalog.SocialService;
import org.pando.catalog.Video;
import org.pando.catalog.VideoService;
import org.pando.domain.InvalidInput;
import org.pando.domain.Keyset;
import org.pando.domain.Page;

/**
 * The moderators' queue: held and reported videos and reported comments, oldest first, and the decisions that
 * close them. Approving a video publishes it (and the feeds pick it up); rejecting hides it from everyone but its
 * creator, who reads the moderator's note. Rejecting a comment removes it. Deciding closes the target's reports.
 *
 * <pre>{@code
 * Page<ReviewCase> first = queue.open(moderator, Optional.empty(), 20);
 * queue.decideVideo(moderator, videoId, Verdict.APPROVE, "Medical illustration; fine.");
 * }</pre>
 */
public final class ReviewQueue {
    /** Longest note, in characters. */
    public static final int MAX_NOTE = 1000;
    /** Longest page of the queue. */
    public static final int MAX_PAGE = 50;
    private static final Keyset OLDEST = new Keyset(Instant.EPOCH, "");

    private final ModerationRepository cases;
    private final VideoService videos;
    private final SocialService social;
    private final Consumer<String> publicationChanged;
    private final Clock clock;

    /** {@code publicationChanged} is told each video a decision makes public or hides, for the feeds and search. */
    public ReviewQueue(ModerationRepository cases, VideoService videos, SocialService social, Consumer<String> publicationChanged,
            Clock clock) {
        this.cases = cases;
        this.videos = videos;
        this.social = social;
        this.publicationChanged = publicationChanged;
        this.clock = clock;
    }

    /** Open cases, oldest first; only moderators may look. */
    public Page<ReviewCase> open(Account moderator, Optional<String> cursor, int limit) {
        requireModerator(moderator);
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        return Page.ofOverfetched(cases.open(cursor.map(Keyset::parse).orElse(OLDEST), size + 1), size,
                review -> new Keyset(review.openedAt(), review.id()));
    }

    /**
     * Approves or rejects a video, closing its open case (one is opened for a video nobody reported, so that every
     * decision and its note are kept).
     */
    public ReviewCase decideVideo(Account moderator, String videoId, Verdict verdict, String note) {
        requireModerator(moderator);
        Decision decision = decision(moderator, verdict, note);
        Video video = videos.get(videoId);
        ReviewCase review = cases.openCase(Target.video(video.id()), video.id(), decision.at());
        close(review, decision);
        Publication publication = verdict == Verdict.APPROVE ? Publication.APPROVED : Publication.REJECTED;
        videos.publication(video.id(), publication);
        if (video.publication().isPublic() != publication.isPublic()) {
            publicationChanged.accept(video.id());
        }
        return closed(review, decision);
    }

    /** Keeps or removes a reported comment, closing its case; a comment its author deleted meanwhile just closes. */
    public ReviewCase decideComment(Account moderator, String commentId, Verdict verdict, String note) {
        requireModerator(moderator);
        Decision decision = decision(moderator, verdict, note);
        Optional<ReviewCase> open = cases.findOpen(Target.comment(commentId));
        Optional<Comment> comment = open.isPresent() ? social.find(commentId) : Optional.of(social.comment(commentId));
        ReviewCase review = open.orElseGet(() -> cases.openCase(Target.comment(commentId), comment.orElseThrow().videoId(),
                decision.at()));
        close(review, decision);
        if (verdict == Verdict.REJECT && comment.isPresent()) {
            social.remove(moderator, commentId);
        }
        return closed(review, decision);
    }

    /**
     * Closes a case with the decision, before the decision's effect is applied, so that of two moderators deciding
     * at once only the first one's decision takes effect.
     *
     * @throws AlreadyDecided when the case was closed meanwhile
     */
    private void close(ReviewCase review, Decision decision) {
        if (!cases.close(review.id(), decision)) {
            throw new AlreadyDecided(review.target());
        }
    }

    /** What moderators see of a video's review: its open case (why it is held, the reports), or the last decision. */
    public Optional<ReviewCase> standing(String videoId) {
        Target target = Target.video(videoId);
        return cases.findOpen(target).or(() -> cases.lastDecided(target));
    }

    /**
     * What the video's creator is told: why it is held, or else the last decision and its note; not that people
     * reported it, which would only invite a hunt for the reporters.
     */
    public Optional<ReviewCase> standingForCreator(String videoId) {
        Target target = Target.video(videoId);
        return cases.findOpen(target).filter(ReviewQueue::concernsCreator)
                .or(() -> cases.lastDecided(target).filter(ReviewQueue::concernsCreator));
    }

    /** A case the creator is told of: the video was held, or a moderator rejected it; not one only reports opened. */
    private static boolean concernsCreator(ReviewCase review) {
        return review.hold().isPresent() || review.decision().filter(d -> d.verdict() == Verdict.REJECT).isPresent();
    }

    private Decision decision(Account moderator, Verdict verdict, String note) {
        String text = note.strip();
        if (text.length() > MAX_NOTE) {
            throw new InvalidInput("note", "Keep the note under " + MAX_NOTE + " characters.");
        }
        if (verdict == Verdict.REJECT && text.isEmpty()) {
            throw new InvalidInput("note", "Say why in a note: the creator reads it.");
        }
        return new Decision(verdict, text, moderator.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static ReviewCase closed(ReviewCase review, Decision decision) {
        return new ReviewCase(review.id(), review.target(), review.videoId(), review.openedAt(), review.hold(),
                review.reports(), review.reportCount(), Optional.of(decision));
    }

    private static void requireModerator(Account account) {
        if (!account.moderates()) {
            throw RoleRequired.moderator();
        }
    }
}
