package org.pando.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.pando.domain.Keyset;
import org.pando.domain.RandomIds;
import org.pando.moderation.Decision;
import org.pando.moderation.FlaggedFrame;
import org.pando.moderation.Hold;
import org.pando.moderation.HoldCause;
import org.pando.moderation.ModerationRepository;
import org.pando.moderation.Report;
import org.pando.moderation.ReportReason;
import org.pando.moderation.ReviewCase;
import org.pando.moderation.Target;
import org.pando.moderation.TargetKind;
import org.pando.moderation.Verdict;

/**
 * Review cases and reports in SQL. One open case per target and one open report per person and target are kept by
 * unique {@code open_key} columns that hold a value while open and null once decided (portable where partial
 * indexes are not).
 */
public final class JdbiModerationRepository implements ModerationRepository {
    private static final String REPORTS = """
            select * from (
                select r.*, a.username,
                       row_number() over (partition by r.case_id order by r.created_at desc, r.id desc) as place,
                       count(*) over (partition by r.case_id) as total
                from reports r join accounts a on a.id = r.reporter_id
                where r.case_id in (<cases>)) ranked
            where place <= :shown order by created_at desc, id desc""";

    private final Jdbi jdbi;

    public JdbiModerationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ReviewCase openCase(Target target, String videoId, Instant at) {
        UniqueViolation.insertedOnce(() -> jdbi.withHandle(h -> h.createUpdate("""
                        insert into review_cases (id, target_kind, target_id, video_id, opened_at, open_key)
                        values (:id, :kind, :target, :video, :at, :key)""")
                .bind("id", RandomIds.id()).bind("kind", target.kind().wireName()).bind("target", target.id())
                .bind("video", videoId).bind("at", at.toEpochMilli()).bind("key", openKey(target)).execute()));
        return findOpen(target).orElseThrow(() -> new IllegalStateException("The case of " + target + " was decided as it opened"));
    }

    @Override
    public Optional<ReviewCase> findOpen(Target target) {
        return jdbi.withHandle(h -> withReports(h, h.createQuery("select * from review_cases where open_key = :key")
                .bind("key", openKey(target)).map((rs, ctx) -> caseRow(rs)).list())).stream().findFirst();
    }

    @Override
    public Optional<ReviewCase> lastDecided(Target target) {
        return jdbi.withHandle(h -> withReports(h, h.createQuery("""
                        select * from review_cases where target_kind = :kind and target_id = :target and decided_at is not null
                        order by decided_at desc, id desc limit 1""")
                .bind("kind", target.kind().wireName()).bind("target", target.id()).map((rs, ctx) -> caseRow(rs)).list()))
                .stream().findFirst();
    }

    @Override
    public void hold(String caseId, Hold hold) {
        Optional<FlaggedFrame> frame = hold.frame();
        jdbi.useHandle(h -> h.createUpdate("""
                        update review_cases set hold_cause = :cause, hold_at = :at, hold_score = :score, hold_person = :person,
                                                hold_threshold = :threshold
                        where id = :id""")
                .bind("id", caseId).bind("cause", hold.cause().wireName())
                .bind("at", frame.map(f -> Rows.nullable(f.at())).orElse(null))
                .bind("score", frame.map(FlaggedFrame::score).orElse(null))
                .bind("person", frame.map(FlaggedFrame::personSeen).orElse(null))
                .bind("threshold", frame.map(FlaggedFrame::threshold).orElse(null))
                .execute());
    }

    @Override
    public boolean file(Report report) {
        return UniqueViolation.insertedOnce(() -> jdbi.withHandle(h -> h.createUpdate("""
                        insert into reports (id, case_id, reporter_id, reason, details, created_at, open_key)
                        values (:id, :case, :reporter, :reason, :details, :at, :key)""")
                .bind("id", report.id()).bind("case", report.caseId()).bind("reporter", report.reporterId())
                .bind("reason", report.reason().wireName()).bind("details", report.details())
                .bind("at", report.createdAt().toEpochMilli()).bind("key", report.reporterId() + ":" + report.caseId())
                .execute()));
    }

    @Override
    public Optional<Report> openReport(String reporterId, Target target) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select r.*, a.username from reports r
                        join review_cases c on c.id = r.case_id
                        join accounts a on a.id = r.reporter_id
                        where c.open_key = :key and r.reporter_id = :reporter""")
                .bind("key", openKey(target)).bind("reporter", reporterId)
                .map((rs, ctx) -> report(rs)).findOne());
    }

    @Override
    public int reportsSince(String reporterId, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from reports where reporter_id = :reporter and created_at >= :since")
                .bind("reporter", reporterId).bind("since", since.toEpochMilli()).mapTo(Integer.class).one());
    }

    @Override
    public List<ReviewCase> open(Keyset after, int limit) {
        return jdbi.withHandle(h -> withReports(h, h.createQuery("""
                        select * from review_cases
                        where decided_at is null and (opened_at > :at or (opened_at = :at and id > :id))
                        order by opened_at, id limit :limit""")
                .bind("at", after.at().toEpochMilli()).bind("id", after.id()).bind("limit", limit)
                .map((rs, ctx) -> caseRow(rs)).list()));
    }

    @Override
    public boolean close(String caseId, Decision decision) {
        return jdbi.inTransaction(h -> {
            int closed = h.createUpdate("""
                            update review_cases set verdict = :verdict, note = :note, moderator_id = :moderator,
                                                    decided_at = :at, open_key = null
                            where id = :id and decided_at is null""")
                    .bind("id", caseId).bind("verdict", decision.verdict().wireName()).bind("note", decision.note())
                    .bind("moderator", decision.moderatorId()).bind("at", decision.at().toEpochMilli()).execute();
            h.createUpdate("update reports set open_key = null where case_id = :id").bind("id", caseId).execute();
            return closed > 0;
        });
    }

    private static String openKey(Target target) {
        return target.kind().wireName() + ":" + target.id();
    }

    /** The cases with their newest reports and report counts, read in one query for all of them. */
    private static List<ReviewCase> withReports(Handle h, List<CaseRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Report>> reports = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        h.createQuery(REPORTS).bindList("cases", rows.stream().map(CaseRow::id).toList()).bind("shown", ReviewCase.REPORTS_SHOWN)
                .map((rs, ctx) -> {
                    Report report = report(rs);
                    reports.computeIfAbsent(report.caseId(), id -> new ArrayList<>()).add(report);
                    counts.put(report.caseId(), rs.getInt("total"));
                    return report;
                }).list();
        return rows.stream().map(row -> new ReviewCase(row.id(), row.target(), row.videoId(), row.openedAt(), row.hold(),
                reports.getOrDefault(row.id(), List.of()), counts.getOrDefault(row.id(), 0), row.decision())).toList();
    }

    private static CaseRow caseRow(ResultSet rs) throws SQLException {
        String cause = rs.getString("hold_cause");
        Optional<Hold> hold = cause == null ? Optional.empty() : Optional.of(hold(rs, HoldCause.ofWireName(cause)));
        Optional<Decision> decision = Optional.empty();
        String verdict = rs.getString("verdict");
        if (verdict != null) {
            decision = Optional.of(new Decision(Verdict.ofWireName(verdict).orElseThrow(), rs.getString("note"),
                    Optional.ofNullable(rs.getString("moderator_id")).orElse(""), Rows.instant(rs, "decided_at")));
        }
        return new CaseRow(rs.getString("id"), new Target(TargetKind.ofWireName(rs.getString("target_kind")), rs.getString("target_id")),
                rs.getString("video_id"), Rows.instant(rs, "opened_at"), hold, decision);
    }

    /** The hold and, when a picture's score caused it, that picture: a frame with its time, or the poster without. */
    private static Hold hold(ResultSet rs, HoldCause cause) throws SQLException {
        double score = rs.getDouble("hold_score");
        if (rs.wasNull()) {
            return new Hold(cause, Optional.empty());
        }
        return new Hold(cause, Optional.of(new FlaggedFrame(Rows.optionalDouble(rs, "hold_at"), score,
                rs.getBoolean("hold_person"), rs.getDouble("hold_threshold"))));
    }

    private static Report report(ResultSet rs) throws SQLException {
        return new Report(rs.getString("id"), rs.getString("case_id"), rs.getString("reporter_id"), rs.getString("username"),
                ReportReason.ofWireName(rs.getString("reason")).orElse(ReportReason.OTHER), rs.getString("details"),
                Rows.instant(rs, "created_at"));
    }

    /** A case as its row holds it, before its reports are read. */
    private record CaseRow(String id, Target target, String videoId, Instant openedAt, Optional<Hold> hold,
            Optional<Decision> decision) {
    }
}
