package org.pando.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.pando.account.Account;
import org.pando.account.Role;
import org.pando.catalog.Channel;
import org.pando.catalog.Publication;
import org.pando.catalog.Video;
import org.pando.catalog.VideoKind;
import org.pando.catalog.VideoStatus;
import org.pando.domain.Keyset;
import org.pando.domain.RandomIds;
import org.pando.moderation.Decision;
import org.pando.moderation.FlaggedFrame;
import org.pando.moderation.Hold;
import org.pando.moderation.Report;
import org.pando.moderation.ReportReason;
import org.pando.moderation.ReviewCase;
import org.pando.moderation.Target;
import org.pando.moderation.Verdict;

/**
 * Roles, publication, review cases and reports in SQL, run on H2 and on PostgreSQL (as a nested part of each
 * repository test, on its database). Tests share the database, so each makes its own accounts and videos and
 * places its cases in a time window of its own.
 */
abstract class ModerationContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    abstract Database database();

    private JdbiModerationRepository cases() {
        return new JdbiModerationRepository(database().jdbi());
    }

    private Account register(String name) {
        Account account = new Account(RandomIds.id(), name + RandomIds.id().toLowerCase(), name + RandomIds.id() + "@example.org",
                Optional.empty(), List.of(), T0);
        Channel channel = Channel.created(RandomIds.id(), account.id(), account.username(), account.username(), "", T0);
        new JdbiRegistrationStore(database().jdbi()).register(account, "hash", channel);
        return account;
    }

    private Video video(Account owner, Instant at, Publication publication) {
        Channel channel = new JdbiChannelRepository(database().jdbi()).listByOwner(owner.id()).getFirst();
        Video video = new Video(RandomIds.id(), channel.id(), "t", "", VideoKind.VIDEO, VideoStatus.READY, Optional.empty(), 1, true,
                1000, 640, 360,
                Optional.of("KR"), Optional.of("ko"), 0, 0, at, publication);
        new JdbiVideoRepository(database().jdbi()).insert(video);
        return video;
    }

    private static Report report(ReviewCase review, Account reporter, ReportReason reason, Instant at) {
        return new Report(RandomIds.id(), review.id(), reporter.id(), reporter.username(), reason, "words", at);
    }

    private static Decision decision(Verdict verdict, Account moderator, Instant at) {
        return new Decision(verdict, "a note", moderator.id(), at);
    }

    /** A start time no other test uses, so a queue page from just before it holds this test's cases first. */
    private static Instant window() {
        return Instant.parse("1990-01-01T00:00:00Z").plusSeconds(ThreadLocalRandom.current().nextLong(300_000_000L));
    }

    @Test
    void keepsRolesAndNewAccountsAreMembers() {
        JdbiAccountRepository accounts = new JdbiAccountRepository(database().jdbi());
        Account ana = register("ana-role");
        assertThat(accounts.findById(ana.id()).orElseThrow().role()).as("a new account's role").isEqualTo(Role.MEMBER);

        accounts.updateRole(ana.id(), Role.MODERATOR);
        assertThat(accounts.findByUsername(ana.username()).orElseThrow().role()).as("after the update").isEqualTo(Role.MODERATOR);
    }

    @Test
    void onlyPublishedAndApprovedReadyVideosAreListedAndRecommended() {
        JdbiVideoRepository videos = new JdbiVideoRepository(database().jdbi());
        JdbiCandidateSource candidates = new JdbiCandidateSource(database().jdbi());
        Account ana = register("ana-pub");
        Instant now = Instant.now();
        List<Video> made = new ArrayList<>();
        for (Publication p : Publication.values()) {
            made.add(video(ana, now.minusSeconds(10 + made.size()), p));
        }
        List<String> expected = made.stream().filter(v -> v.publication().isPublic()).map(Video::id).toList();
        List<String> hidden = made.stream().filter(v -> !v.publication().isPublic()).map(Video::id).toList();
        String channel = made.getFirst().channelId();

        assertThat(videos.listByChannel(channel, Keyset.start(), 50, false)).as("the channel's listing").extracting(Video::id)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(videos.listByChannel(channel, Keyset.start(), 50, true)).as("the channel's listing with the unpublished")
                .hasSize(made.size());
        assertThat(candidates.recent(now, 100_000)).as("recent candidates").extracting(c -> c.videoId())
                .containsAll(expected).doesNotContainAnyElementsOf(hidden);
        assertThat(candidates.fromCreators(List.of(channel), Keyset.start().at(), "", 50)).as("the creator's candidates")
                .extracting(c -> c.videoId()).containsExactlyInAnyOrderElementsOf(expected);

        Video held = made.get(Publication.HELD.ordinal());
        videos.updatePublication(held.id(), Publication.APPROVED);
        assertThat(videos.find(held.id()).orElseThrow().publication()).as("after approval").isEqualTo(Publication.APPROVED);
        assertThat(videos.find(held.id()).orElseThrow().published()).as("an approved ready video is published").isTrue();
    }

    @Test
    void aTargetHasOneOpenCaseUntilItIsDecided() {
        JdbiModerationRepository cases = cases();
        Account owner = register("own-case");
        Account moderator = register("mod-case");
        Video video = video(owner, T0, Publication.HELD);
        Target target = Target.video(video.id());

        ReviewCase first = cases.openCase(target, video.id(), T0);
        assertThat(cases.openCase(target, video.id(), T0.plusSeconds(5))).as("opening again").extracting(ReviewCase::id)
                .isEqualTo(first.id());
        assertThat(first.open()).as("a new case is open").isTrue();
        assertThat(cases.findOpen(target)).as("the open case").map(ReviewCase::id).contains(first.id());

        assertThat(cases.close(first.id(), decision(Verdict.REJECT, moderator, T0.plusSeconds(60)))).as("closing").isTrue();
        assertThat(cases.close(first.id(), decision(Verdict.APPROVE, moderator, T0.plusSeconds(61)))).as("closing again").isFalse();
        assertThat(cases.findOpen(target)).as("after the decision").isEmpty();
        assertThat(cases.lastDecided(target).orElseThrow().decision()).as("the decision kept")
                .contains(decision(Verdict.REJECT, moderator, T0.plusSeconds(60)));

        ReviewCase second = cases.openCase(target, video.id(), T0.plusSeconds(120));
        assertThat(second.id()).as("a new case after the decision").isNotEqualTo(first.id());
        cases.close(second.id(), decision(Verdict.APPROVE, moderator, T0.plusSeconds(180)));
        assertThat(cases.lastDecided(target).orElseThrow().id()).as("the latest decided case").isEqualTo(second.id());
    }

    @Test
    void keepsWhyAVideoIsHeld() {
        JdbiModerationRepository cases = cases();
        Account owner = register("own-hold");
        Video scored = video(owner, T0, Publication.HELD);
        Video unchecked = video(owner, T0, Publication.HELD);
        Video byItsPoster = video(owner, T0, Publication.HELD);
        ReviewCase a = cases.openCase(Target.video(scored.id()), scored.id(), T0);
        ReviewCase b = cases.openCase(Target.video(unchecked.id()), unchecked.id(), T0);
        ReviewCase c = cases.openCase(Target.video(byItsPoster.id()), byItsPoster.id(), T0);
        Hold byScore = Hold.of(new FlaggedFrame(12, 0.91, true, 0.8));
        Hold byPoster = Hold.of(new FlaggedFrame(OptionalDouble.empty(), 0.97, false, 0.95));

        cases.hold(a.id(), byScore);
        cases.hold(b.id(), Hold.notChecked());
        cases.hold(c.id(), byPoster);

        assertThat(cases.findOpen(Target.video(scored.id())).orElseThrow().hold()).as("held for a score").contains(byScore);
        assertThat(cases.findOpen(Target.video(unchecked.id())).orElseThrow().hold()).as("held unchecked").contains(Hold.notChecked());
        assertThat(cases.findOpen(Target.video(byItsPoster.id())).orElseThrow().hold()).as("held for the poster's score")
                .contains(byPoster);
    }

    @Test
    void aPersonHasOneOpenReportPerTarget() {
        JdbiModerationRepository cases = cases();
        Account owner = register("own-rep");
        Account ana = register("ana-rep");
        Account bo = register("bo-rep");
        Account moderator = register("mod-rep");
        Video video = video(owner, T0, Publication.PUBLISHED);
        Target target = Target.video(video.id());
        ReviewCase review = cases.openCase(target, video.id(), T0);

        assertThat(cases.file(report(review, ana, ReportReason.SPAM, T0))).as("ana's first report").isTrue();
        assertThat(cases.file(report(review, ana, ReportReason.VIOLENCE, T0.plusSeconds(1)))).as("ana again").isFalse();
        assertThat(cases.file(report(review, bo, ReportReason.HARASSMENT, T0.plusSeconds(2)))).as("bo's report").isTrue();
        assertThat(cases.openReport(ana.id(), target)).as("ana's open report").map(Report::reason).contains(ReportReason.SPAM);
        ReviewCase reported = cases.findOpen(target).orElseThrow();
        assertThat(reported.reportCount()).as("reports in the case").isEqualTo(2);
        assertThat(reported.reports()).as("newest first").extracting(Report::reporterUsername)
                .containsExactly(bo.username(), ana.username());

        cases.close(review.id(), decision(Verdict.APPROVE, moderator, T0.plusSeconds(10)));
        assertThat(cases.openReport(ana.id(), target)).as("once the case is decided").isEmpty();
        ReviewCase again = cases.openCase(target, video.id(), T0.plusSeconds(20));
        assertThat(cases.file(report(again, ana, ReportReason.OTHER, T0.plusSeconds(21)))).as("ana reports the video anew").isTrue();
        assertThat(cases.reportsSince(ana.id(), T0.plusSeconds(1))).as("ana's reports since her first").isEqualTo(1);
        assertThat(cases.reportsSince(ana.id(), T0)).as("all of ana's reports").isEqualTo(2);
    }

    @Test
    void aCaseCarriesItsNewestReportsAndCountsThemAll() {
        JdbiModerationRepository cases = cases();
        Video video = video(register("own-many"), T0, Publication.PUBLISHED);
        ReviewCase review = cases.openCase(Target.video(video.id()), video.id(), T0);
        int filed = ReviewCase.REPORTS_SHOWN + 2;
        for (int i = 0; i < filed; i++) {
            cases.file(report(review, register("many" + i), ReportReason.SPAM, T0.plusSeconds(i)));
        }

        ReviewCase found = cases.findOpen(Target.video(video.id())).orElseThrow();
        assertThat(found.reportCount()).as("every report counted").isEqualTo(filed);
        assertThat(found.reports()).as("the newest shown").hasSize(ReviewCase.REPORTS_SHOWN)
                .extracting(Report::createdAt).first().isEqualTo(T0.plusSeconds(filed - 1));
    }

    @Test
    void theQueueListsOpenCasesOldestFirstPageByPage() {
        JdbiModerationRepository cases = cases();
        Account owner = register("own-queue");
        Account moderator = register("mod-queue");
        Instant start = window();
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Video video = video(owner, T0, Publication.HELD);
            opened.add(cases.openCase(Target.video(video.id()), video.id(), start.plusSeconds(i)).id());
        }
        cases.close(opened.get(1), decision(Verdict.APPROVE, moderator, start.plusSeconds(100)));
        Keyset before = new Keyset(start.minusMillis(1), "");

        List<ReviewCase> first = cases.open(before, 2);
        assertThat(first).as("the first page").extracting(ReviewCase::id).containsExactly(opened.get(0), opened.get(2));
        ReviewCase last = first.getLast();
        List<ReviewCase> next = cases.open(new Keyset(last.openedAt(), last.id()), 2);
        assertThat(next).as("the next page starts after the first").extracting(ReviewCase::id).first().isEqualTo(opened.get(3));
    }

    @Test
    void aCommentHasItsOwnCaseUnderItsVideo() {
        JdbiModerationRepository cases = cases();
        Video video = video(register("own-comment"), T0, Publication.PUBLISHED);
        Target comment = Target.comment(RandomIds.id());

        ReviewCase review = cases.openCase(comment, video.id(), T0);
        assertThat(review.target()).as("the target").isEqualTo(comment);
        assertThat(review.videoId()).as("the video it is under").isEqualTo(video.id());
        assertThat(cases.findOpen(Target.video(video.id()))).as("the video itself has no case").isEmpty();
    }
}
