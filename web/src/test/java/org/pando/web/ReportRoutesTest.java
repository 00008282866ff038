package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pando.account.Role;
import org.pando.catalog.Video;
import org.pando.moderation.Reports;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** People reporting videos and comments, and the reports reaching the moderators' queue. */
class ReportRoutesTest extends InMemoryRoutes {
    ReportRoutesTest(DirectClient client) {
        super(client);
    }

    /** A report that is refused, and why. */
    private record BadReport(String what, Map<String, Object> body, String code) {
    }

    private static final List<BadReport> BAD_REPORTS = List.of(
            new BadReport("no reason", Map.of("details", "bad"), "invalid-reason"),
            new BadReport("a reason not on the list", Map.of("reason", "boring"), "invalid-reason"),
            new BadReport("details over the limit", Map.of("reason", "other", "details", "x".repeat(Reports.MAX_DETAILS + 1)),
                    "invalid-details"),
            new BadReport("details that are not text", Map.of("reason", "other", "details", 5), "invalid-details"));

    private JsonNode queueItem(Caller moderator, String kind, String id) {
        for (JsonNode item : api.get("/api/v1/moderation/queue?limit=50").as(moderator).send().expect(200).json().path("items")) {
            if (item.path("target").path("kind").asText().equals(kind) && item.path("target").path("id").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void aPersonReportsAVideoOnceWhileItIsUnderReview() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("viewer"));
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Street food");
        String reports = "/api/v1/videos/" + video.id() + "/reports";

        Reply first = api.post(reports).as(viewer).json(Map.of("reason", "violence", "details", "A fight at 0:40.")).send().expect(201);
        Reply again = api.post(reports).as(viewer).json(Map.of("reason", "spam")).send().expect(200);

        assertThat(again.json().path("id").asText()).as("the same report: %s then %s", first, again)
                .isEqualTo(first.json().path("id").asText());
        assertThat(again.json().path("reason").asText()).as("the first reason stands: %s", again).isEqualTo("violence");
        api.post(reports).json(Map.of("reason", "spam")).send().expectProblem(401, "not-signed-in");
        api.post(reports).as(owner).json(Map.of("reason", "spam")).send().expectProblem(400, "report-own-content");
        for (BadReport bad : BAD_REPORTS) {
            Reply refused = api.post(reports).as(viewer).json(bad.body()).send();
            assertThat(refused.status()).as("%s: %s", bad.what(), refused).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).as("%s: %s", bad.what(), refused).isEqualTo(bad.code());
        }
        api.post("/api/v1/videos/nosuchvideo/reports").as(viewer).json(Map.of("reason", "spam")).send()
                .expectProblem(404, "video-not-found");

        Reply mine = api.get("/api/v1/videos/" + video.id()).as(owner).send().expect(200);
        assertThat(mine.json().has("review")).as("the creator is not told of reports: %s", mine).isFalse();
        Caller moderator = api.signUp(ApiCalls.uniqueName("mod"));
        backend.backend.accounts().assignRole(moderator.username(), Role.MODERATOR);
        Reply moderated = api.get("/api/v1/videos/" + video.id()).as(moderator).send().expect(200);
        assertThat(moderated.json().path("review").path("report_count").asInt()).as("a moderator sees the reports: %s", moderated)
                .isEqualTo(1);
        JsonNode item = queueItem(moderator, "video", video.id());
        assertThat(item).as("the reported video in the queue").isNotNull();
        assertThat(item.path("report_count").asInt()).as("reports in %s", item).isEqualTo(1);
        assertThat(item.path("reports").path(0).path("reason").asText()).as("reason in %s", item).isEqualTo("violence");
        assertThat(item.path("reports").path(0).path("details").asText()).as("details in %s", item).isEqualTo("A fight at 0:40.");
        assertThat(item.path("hold").isNull()).as("a reported video is not held: %s", item).isTrue();

        api.post("/api/v1/moderation/videos/" + video.id() + "/decision").as(moderator)
                .json(Map.of("decision", "approve")).send().expect(200);
        assertThat(queueItem(moderator, "video", video.id())).as("after the decision").isNull();
        Reply approved = api.get("/api/v1/videos/" + video.id()).as(owner).send().expect(200);
        assertThat(approved.json().has("review")).as("nor of a decision on reports alone: %s", approved).isFalse();
        api.get("/api/v1/videos/" + video.id()).as(viewer).send().expect(200);
        api.post(reports).as(viewer).json(Map.of("reason", "spam")).send().expect(201);
    }

    @Test
    void aReportedCommentReachesTheQueueAndARejectionRemovesIt() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller author = api.signUp(ApiCalls.uniqueName("rude"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("viewer"));
        Caller moderator = api.signUp(ApiCalls.uniqueName("mod"));
        backend.backend.accounts().assignRole(moderator.username(), Role.MODERATOR);
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Market");
        String comment = api.post("/api/v1/videos/" + video.id() + "/comments").as(author).json(Map.of("body", "You are awful."))
                .send().expect(201).json().path("id").asText();

        api.post("/api/v1/comments/" + comment + "/reports").as(author).json(Map.of("reason", "harassment")).send()
                .expectProblem(400, "report-own-content");
        api.post("/api/v1/comments/" + comment + "/reports").as(viewer).json(Map.of("reason", "harassment")).send().expect(201);
        api.post("/api/v1/comments/" + comment + "/reports").as(owner).json(Map.of("reason", "harassment", "details", "Me."))
                .send().expect(201);
        api.post("/api/v1/comments/nosuchcomment/reports").as(viewer).json(Map.of("reason", "spam")).send()
                .expectProblem(404, "comment-not-found");

        JsonNode item = queueItem(moderator, "comment", comment);
        assertThat(item).as("the reported comment in the queue").isNotNull();
        assertThat(item.path("comment").path("body").asText()).as("the comment in %s", item).isEqualTo("You are awful.");
        assertThat(item.path("video").path("id").asText()).as("its video in %s", item).isEqualTo(video.id());
        assertThat(item.path("report_count").asInt()).as("reports in %s", item).isEqualTo(2);

        Reply removed = api.post("/api/v1/moderation/comments/" + comment + "/decision").as(moderator)
                .json(Map.of("decision", "reject", "note", "Insults.")).send().expect(200);
        assertThat(removed.json().path("removed").asBoolean()).as("removed in %s", removed).isTrue();
        assertThat(api.get("/api/v1/videos/" + video.id() + "/comments").send().expect(200).itemIds())
                .as("comments after the rejection").doesNotContain(comment);
        assertThat(queueItem(moderator, "comment", comment)).as("after the decision").isNull();
    }

    @Test
    void aPersonFilesAtMostTwentyReportsAnHour() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller eager = api.signUp(ApiCalls.uniqueName("eager"));
        for (int i = 0; i < Reports.MAX_PER_HOUR; i++) {
            Video video = ApiCalls.readyVideo(backend.backend, owner, "Clip " + i);
            api.post("/api/v1/videos/" + video.id() + "/reports").as(eager).json(Map.of("reason", "spam")).send().expect(201);
        }
        Video one = ApiCalls.readyVideo(backend.backend, owner, "One more");

        Reply refused = api.post("/api/v1/videos/" + one.id() + "/reports").as(eager).json(Map.of("reason", "spam")).send()
                .expectProblem(429, "report-limit");
        assertThat(refused.header("Retry-After")).as("when to try again, in seconds: at most the hour's window").contains("3600");
    }
}
