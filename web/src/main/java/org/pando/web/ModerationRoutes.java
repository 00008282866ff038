package org.pando.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pando.account.Account;
import org.pando.catalog.Comment;
import org.pando.catalog.Video;
import org.pando.domain.InvalidInput;
import org.pando.domain.Page;
import org.pando.moderation.FlaggedFrame;
import org.pando.moderation.Hold;
import org.pando.moderation.Report;
import org.pando.moderation.ReviewCase;
import org.pando.moderation.TargetKind;
import org.pando.moderation.Verdict;
import org.pando.understanding.VideoAnalysis;
import org.pando.understanding.VisualFindings;

/**
 * The moderators' review queue: {@code GET /api/v1/moderation/queue} (held and reported videos and reported
 * comments, oldest first, a page at a time) and the decisions,
 * {@code POST /api/v1/moderation/videos/{id}/decision} and {@code POST /api/v1/moderation/comments/{id}/decision}
 * with {@code {"decision": "approve"|"reject", "note"}}. Anyone else is answered 403.
 */
final class ModerationRoutes implements HttpService {
    private final Backend backend;
    private final Callers callers;

    ModerationRoutes(Backend backend, Callers callers) {
        this.backend = backend;
        this.callers = callers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/moderation/queue", this::queue)
                .post("/api/v1/moderation/videos/{id}/decision", this::decideVideo)
                .post("/api/v1/moderation/comments/{id}/decision", this::decideComment);
    }

    private void queue(ServerRequest req, ServerResponse res) {
        Account moderator = callers.required(req);
        Page<ReviewCase> page = backend.reviews().open(moderator, Query.cursor(req), Query.limit(req, 20));
        Views.ChannelCache channels = new Views.ChannelCache(backend.channels());
        Json.send(res, Views.page(page.items().stream().map(c -> item(c, channels)).toList(), page.nextCursor()));
    }

    private void decideVideo(ServerRequest req, ServerResponse res) {
        Account moderator = callers.required(req);
        JsonNode body = Json.body(req);
        ReviewCase decided = backend.reviews().decideVideo(moderator, req.path().pathParameters().get("id"), verdict(body), note(body));
        Video video = backend.videos().get(decided.videoId());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("video", Views.video(video, backend.channels().byId(video.channelId())));
        json.put("review", Views.review(decided, true));
        Json.send(res, json);
    }

    private void decideComment(ServerRequest req, ServerResponse res) {
        Account moderator = callers.required(req);
        JsonNode body = Json.body(req);
        ReviewCase decided = backend.reviews().decideComment(moderator, req.path().pathParameters().get("id"), verdict(body),
                note(body));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("comment_id", decided.target().id());
        json.put("removed", decided.decision().map(d -> d.verdict() == Verdict.REJECT).orElse(false));
        json.put("review", Views.review(decided, true));
        Json.send(res, json);
    }

    private static Verdict verdict(JsonNode body) {
        String name = Json.text(body, "decision").toLowerCase(Locale.ROOT);
        return Verdict.ofWireName(name).orElseThrow(() -> new InvalidInput("decision", "Say approve or reject."));
    }

    private static String note(JsonNode body) {
        return Json.optionalText(body, "note").orElse("");
    }

    /** A case as the queue shows it: the video (and comment), why it is here, the NSFW score and the moment to look at. */
    private Map<String, Object> item(ReviewCase review, Views.ChannelCache channels) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", review.id());
        json.put("target", Map.of("kind", review.target().kind().wireName(), "id", review.target().id()));
        json.put("opened_at", review.openedAt().toString());
        Optional<Video> video = backend.videos().find(review.videoId());
        json.put("video", video.map(v -> Views.video(v, channels.get(v.channelId()))).orElse(null));
        if (review.target().kind() == TargetKind.COMMENT) {
            json.put("comment", backend.social().find(review.target().id()).map(ModerationRoutes::comment).orElse(null));
        }
        json.put("hold", review.hold().map(Views::hold).orElse(null));
        Optional<VisualFindings> seen = backend.understanding().analysis(review.videoId()).flatMap(VideoAnalysis::visual);
        json.put("nsfw_max", seen.map(VisualFindings::nsfwMax).orElse(null));
        json.put("nsfw_max_at", seen.map(v -> Json.number(v.nsfwMaxAt())).orElse(null));
        json.put("moment_url", moment(review, seen).map(at -> at.isPresent()
                ? "/v/" + review.videoId() + "?t=" + seconds(at.getAsDouble())
                : Views.MEDIA_PREFIX + review.videoId() + "/" + Views.POSTER).orElse(null));
        json.put("report_count", review.reportCount());
        json.put("reports", review.reports().stream().map(ModerationRoutes::report).toList());
        return json;
    }

    /**
     * The picture to look at: the one that held the video, else the one with the highest score; a time in the video,
     * or empty for the poster.
     */
    private static Optional<OptionalDouble> moment(ReviewCase review, Optional<VisualFindings> seen) {
        return review.hold().flatMap(Hold::frame).map(FlaggedFrame::at).or(() -> seen.map(VisualFindings::nsfwMaxAt));
    }

    private static Map<String, Object> comment(Comment c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("author", c.authorUsername());
        json.put("body", c.body());
        json.put("created_at", c.createdAt().toString());
        return json;
    }

    private static Map<String, Object> report(Report r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reason", r.reason().wireName());
        json.put("details", r.details());
        json.put("reporter", r.reporterUsername());
        json.put("created_at", r.createdAt().toString());
        return json;
    }

    /** A moment as a URL's {@code t}: whole seconds when it is one, else to a tenth. */
    private static String seconds(double t) {
        return t == Math.rint(t) ? String.valueOf((long) t) : String.format(Locale.ROOT, "%.1f", t);
    }
}
