package org.pando.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.catalog.Comment;
import org.pando.catalog.SocialService;
import org.pando.catalog.Video;
import org.pando.catalog.VideoService;
import org.pando.domain.InvalidInput;
import org.pando.domain.RandomIds;

/**
 * People reporting videos and comments: one report per person and target while its review is open (asking again
 * returns the first), a reason from a fixed list and a few words of their own, at most {@value #MAX_PER_HOUR} an
 * hour. Each report joins the target's open review case, which puts it in the moderators' queue.
 *
 * <pre>{@code
 * FiledReport filed = reports.reportComment(viewer, commentId, ReportReason.HARASSMENT, "Insults the creator.");
 * }</pre>
 */
public final class Reports {
    /** Longest text a reporter may add, in characters. */
    public static final int MAX_DETAILS = 1000;
    /** Most reports one account may file in an hour. */
    public static final int MAX_PER_HOUR = 20;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final ModerationRepository cases;
    private final VideoService videos;
    private final SocialService social;
    private final Clock clock;

    public Reports(ModerationRepository cases, VideoService videos, SocialService social, Clock clock) {
        this.cases = cases;
        this.videos = videos;
        this.social = social;
        this.clock = clock;
    }

    /** Reports a video the reporter can see and did not upload. */
    public FiledReport reportVideo(Account reporter, String videoId, ReportReason reason, String details) {
        Video video = videos.visible(videoId, Optional.of(reporter));
        if (videos.ownedBy(video, reporter.id())) {
            throw ReportRejected.ownContent(TargetKind.VIDEO);
        }
        return file(reporter, Target.video(video.id()), video.id(), reason, details);
    }

    /** Reports a comment, under a video the reporter can see, that someone else wrote. */
    public FiledReport reportComment(Account reporter, String commentId, ReportReason reason, String details) {
        Comment comment = social.comment(commentId);
        videos.visible(comment.videoId(), Optional.of(reporter));
        if (comment.authorId().equals(reporter.id())) {
            throw ReportRejected.ownContent(TargetKind.COMMENT);
        }
        return file(reporter, Target.comment(comment.id()), comment.videoId(), reason, details);
    }

    private FiledReport file(Account reporter, Target target, String videoId, ReportReason reason, String details) {
        String text = details.strip();
        if (text.length() > MAX_DETAILS) {
            throw new InvalidInput("details", "Keep what you add under " + MAX_DETAILS + " characters.");
        }
        Optional<Report> earlier = cases.openReport(reporter.id(), target);
        if (earlier.isPresent()) {
            return new FiledReport(earlier.get(), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (cases.reportsSince(reporter.id(), now.minus(WINDOW)) >= MAX_PER_HOUR) {
            throw ReportRejected.tooMany(MAX_PER_HOUR, WINDOW);
        }
        ReviewCase review = cases.openCase(target, videoId, now);
        Report report = new Report(RandomIds.id(), review.id(), reporter.id(), reporter.username(), reason, text, now);
        if (cases.file(report)) {
            return new FiledReport(report, true);
        }
        // the same person reported the same target twice at once: the other request's report stands
        return new FiledReport(cases.openReport(reporter.id(), target).orElse(report), false);
    }
}
