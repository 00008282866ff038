package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.pando.account.Role;
import org.pando.catalog.Video;
import org.pando.store.JdbiAnalysisStore;
import org.pando.understanding.FileAnalysis;
import org.pando.understanding.FrameFindings;
import org.pando.understanding.PictureFindings;
import org.pando.understanding.ImageEmbedding;
import org.pando.understanding.Step;
import org.pando.understanding.StepState;
import org.pando.understanding.Topics;
import org.pando.understanding.Transcript;
import org.pando.understanding.VisualFindings;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/**
 * Hold for review through the API: a video whose pictures score above the threshold is hidden from everyone but its
 * creator and moderators, the moderators' queue shows why, and their decisions publish or reject it. Also roles.
 */
class ModerationRoutesTest extends InMemoryRoutes {
    private static final String QUEUE = "/api/v1/moderation/queue";

    ModerationRoutesTest(DirectClient client) {
        super(client);
    }

    private Caller moderator() {
        Caller caller = api.signUp(ApiCalls.uniqueName("mod"));
        backend.backend.accounts().assignRole(caller.username(), Role.MODERATOR);
        return caller;
    }

    /** A ready video whose analysis is done and saw these frames, then screened as the analysis job does. */
    private Video analysed(Caller owner, String title, FrameFindings... frames) {
        return analysed(owner, title, Optional.empty(), frames);
    }

    /** A ready video whose analysis is done and saw this poster and these frames, then screened. */
    private Video analysed(Caller owner, String title, Optional<PictureFindings> poster, FrameFindings... frames) {
        Video video = ApiCalls.processingVideo(backend.backend, owner, title);
        backend.backend.videos().ready(video.id());
        JdbiAnalysisStore store = new JdbiAnalysisStore(backend.database.jdbi());
        VisualFindings seen = new VisualFindings(List.of(frames), poster, new ImageEmbedding(new float[] {1, 0}));
        store.save(video.id(), new FileAnalysis(30, true, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                new Transcript("und", List.of()), List.of(), List.of(), List.of(), Topics.NONE, Optional.of(seen), List.of(), Map.of()));
        for (Step step : Step.values()) {
            store.step(video.id(), step, StepState.DONE);
        }
        backend.screening.screen(video.id());
        return backend.backend.videos().get(video.id());
    }

    private Video held(Caller owner, String title) {
        return analysed(owner, title, new FrameFindings(0, 0.02, 1, 0.3), new FrameFindings(12, 0.91, 1, 0.4));
    }

    private JsonNode queueItem(Caller moderator, String videoId) {
        Reply queue = api.get(QUEUE + "?limit=50").as(moderator).send().expect(200);
        for (JsonNode item : queue.json().path("items")) {
            if (item.path("video").path("id").asText().equals(videoId) && item.path("target").path("kind").asText().equals("video")) {
                return item;
            }
        }
        return null;
    }

    private List<String> channelVideos(Caller owner) {
        return api.get("/api/v1/channels/" + owner.channel() + "/videos?limit=100").send().expect(200).itemIds();
    }

    private List<String> followingFeed(Caller viewer) {
        return api.get("/api/v1/feed?surface=following&limit=50").as(viewer).send().expect(200).itemIds();
    }

    @Test
    void aCleanAnalysisPublishesTheVideo() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Video clean = analysed(owner, "Harbour", new FrameFindings(0, 0.3, 1, 0.3), new FrameFindings(1, 0.9, 0, 0));

        Reply seen = api.get("/api/v1/videos/" + clean.id()).send().expect(200);
        assertThat(seen.json().path("publication").asText()).as("publication in %s", seen).isEqualTo("published");
        assertThat(channelVideos(owner)).as("the channel's listing").contains(clean.id());
    }

    @Test
    void aHeldVideoIsHiddenFromEveryoneButItsCreatorAndModeratorsWhoSeeWhy() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller stranger = api.signUp(ApiCalls.uniqueName("viewer"));
        Caller moderator = moderator();
        api.post("/api/v1/channels/" + owner.channel() + "/follow").as(stranger).send().expect(200);
        Video video = held(owner, "Beach day");
        String path = "/api/v1/videos/" + video.id();

        api.get(path).send().expectProblem(404, "video-not-found");
        api.get(path).as(stranger).send().expectProblem(404, "video-not-found");
        api.get(path + "/comments").as(stranger).send().expectProblem(404, "video-not-found");
        api.post(path + "/reports").as(stranger).json(Map.of("reason", "spam")).send().expectProblem(404, "video-not-found");
        assertThat(channelVideos(owner)).as("the channel's listing").doesNotContain(video.id());
        assertThat(followingFeed(stranger)).as("the follower's feed").doesNotContain(video.id());

        Reply mine = api.get(path).as(owner).send().expect(200);
        assertThat(mine.json().path("publication").asText()).as("publication for the creator: %s", mine).isEqualTo("held");
        JsonNode hold = mine.json().path("review").path("hold");
        assertThat(hold.path("cause").asText()).as("cause in %s", mine).isEqualTo("nsfw-score");
        assertThat(hold.path("score").asDouble()).as("score in %s", mine).isEqualTo(0.91);
        assertThat(hold.path("at").asDouble()).as("moment in %s", mine).isEqualTo(12.0);
        assertThat(hold.path("threshold").asDouble()).as("threshold in %s", mine).isEqualTo(0.8);
        Reply studio = api.get("/api/v1/me/videos").as(owner).send().expect(200);
        assertThat(studio.json().path("items").path(0).path("review").path("hold").path("score").asDouble())
                .as("the creator's own listing says why: %s", studio).isEqualTo(0.91);
        api.get(path).as(moderator).send().expect(200);

        JsonNode item = queueItem(moderator, video.id());
        assertThat(item).as("the held video in the queue").isNotNull();
        assertThat(item.path("hold").path("score").asDouble()).as("score in %s", item).isEqualTo(0.91);
        assertThat(item.path("nsfw_max").asDouble()).as("nsfw_max in %s", item).isEqualTo(0.91);
        assertThat(item.path("moment_url").asText()).as("the moment to look at in %s", item).isEqualTo("/v/" + video.id() + "?t=12");
    }

    @Test
    void aPosterAboveTheThresholdHoldsAVideoWhoseFramesAreClean() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller moderator = moderator();
        Video video = analysed(owner, "Clean frames, loud poster", Optional.of(new PictureFindings(0.9, 1, 0.5)),
                new FrameFindings(0, 0.02, 1, 0.3), new FrameFindings(1, 0.1, 1, 0.3));

        Reply mine = api.get("/api/v1/videos/" + video.id()).as(owner).send().expect(200);
        assertThat(mine.json().path("publication").asText()).as("publication for the creator: %s", mine).isEqualTo("held");
        JsonNode hold = mine.json().path("review").path("hold");
        assertThat(hold.path("poster").asBoolean()).as("the poster held it: %s", hold).isTrue();
        assertThat(hold.path("at").isNull()).as("no moment in the video: %s", hold).isTrue();
        assertThat(hold.path("score").asDouble()).as("the poster's score in %s", hold).isEqualTo(0.9);

        JsonNode item = queueItem(moderator, video.id());
        assertThat(item).as("the held video in the queue").isNotNull();
        assertThat(item.path("nsfw_max").asDouble()).as("nsfw_max counts the poster: %s", item).isEqualTo(0.9);
        assertThat(item.path("nsfw_max_at").isNull()).as("nsfw_max_at of the poster: %s", item).isTrue();
        assertThat(item.path("moment_url").asText()).as("the picture to look at in %s", item)
                .isEqualTo("/media/" + video.id() + "/poster.jpg");
    }

    @Test
    void aModeratorApprovesAHeldVideoAndEveryoneSeesIt() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller stranger = api.signUp(ApiCalls.uniqueName("viewer"));
        Caller moderator = moderator();
        api.post("/api/v1/channels/" + owner.channel() + "/follow").as(stranger).send().expect(200);
        Video video = held(owner, "Sunscreen");

        Reply decided = api.post("/api/v1/moderation/videos/" + video.id() + "/decision").as(moderator)
                .json(Map.of("decision", "approve", "note", "Swimwear at the beach; fine.")).send().expect(200);

        assertThat(decided.json().path("video").path("publication").asText()).as("publication in %s", decided).isEqualTo("approved");
        api.get("/api/v1/videos/" + video.id()).as(stranger).send().expect(200);
        assertThat(channelVideos(owner)).as("the channel's listing").contains(video.id());
        assertThat(followingFeed(stranger)).as("the follower's feed").contains(video.id());
        assertThat(queueItem(moderator, video.id())).as("the decided video leaves the queue").isNull();

        backend.screening.screen(video.id());
        api.get("/api/v1/videos/" + video.id()).as(stranger).send().expect(200);
    }

    @Test
    void aRejectedVideoStaysHiddenAndItsCreatorReadsTheNote() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller stranger = api.signUp(ApiCalls.uniqueName("viewer"));
        Caller moderator = moderator();
        Video video = held(owner, "Too much");
        String decision = "/api/v1/moderation/videos/" + video.id() + "/decision";

        api.post(decision).as(moderator).json(Map.of("decision", "reject")).send().expectProblem(400, "invalid-note");
        api.post(decision).as(moderator).json(Map.of("decision", "maybe", "note", "?")).send().expectProblem(400, "invalid-decision");
        api.post(decision).as(moderator).json(Map.of("decision", "reject", "note", "Explicit at 0:12.")).send().expect(200);

        api.get("/api/v1/videos/" + video.id()).as(stranger).send().expectProblem(404, "video-not-found");
        Reply mine = api.get("/api/v1/videos/" + video.id()).as(owner).send().expect(200);
        assertThat(mine.json().path("publication").asText()).as("publication in %s", mine).isEqualTo("rejected");
        assertThat(mine.json().path("review").path("decision").path("note").asText()).as("the note in %s", mine)
                .isEqualTo("Explicit at 0:12.");
        assertThat(mine.json().path("review").path("decision").path("verdict").asText()).isEqualTo("reject");
    }

    @Test
    void theQueueIsForModeratorsOnly() {
        Caller member = api.signUp(ApiCalls.uniqueName("member"));
        Video video = held(member, "Mine");

        api.get(QUEUE).send().expectProblem(401, "not-signed-in");
        api.get(QUEUE).as(member).send().expectProblem(403, "moderators-only");
        api.post("/api/v1/moderation/videos/" + video.id() + "/decision").as(member)
                .json(Map.of("decision", "approve")).send().expectProblem(403, "moderators-only");
        api.post("/api/v1/moderation/videos/nosuchvideo/decision").as(moderator())
                .json(Map.of("decision", "approve")).send().expectProblem(404, "video-not-found");
    }

    @Test
    void theQueueComesPageByPageOldestFirst() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller moderator = moderator();
        for (int i = 0; i < 3; i++) {
            held(owner, "Held " + i);
        }
        List<String> seen = new ArrayList<>();
        List<Instant> opened = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api.get(QUEUE + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).as(moderator).send().expect(200);
            assertThat(page.json().path("items").size()).as("items in %s", page).isLessThanOrEqualTo(2);
            page.json().path("items").forEach(item -> {
                seen.add(item.path("id").asText());
                opened.add(Instant.parse(item.path("opened_at").asText()));
            });
            JsonNode next = page.json().path("next_cursor");
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null);
        assertThat(seen).as("every case once").doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        assertThat(opened).as("when the cases were opened, in queue order").isSorted();
    }

    @Test
    void aVideoWhosePicturesWereNeverCheckedIsHeldForAPerson() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Video video = ApiCalls.processingVideo(backend.backend, owner, "Analysis broke");
        backend.backend.videos().ready(video.id());

        backend.screening.screen(video.id());
        assertThat(backend.backend.videos().get(video.id()).publication().wireName()).as("before the analysis ends")
                .isEqualTo("checking");
        backend.screening.notChecked(video.id());

        Reply mine = api.get("/api/v1/videos/" + video.id()).as(owner).send().expect(200);
        assertThat(mine.json().path("publication").asText()).as("publication in %s", mine).isEqualTo("held");
        assertThat(mine.json().path("review").path("hold").path("cause").asText()).as("cause in %s", mine).isEqualTo("not-checked");
    }

    @Test
    void theFilesOfAHeldVideoAreServedOnlyToItsCreatorAndModerators() throws IOException {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller stranger = api.signUp(ApiCalls.uniqueName("viewer"));
        Video video = held(owner, "Files");
        Path dir = backend.dir.resolve("media").resolve(video.id());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("master.m3u8"), "#EXTM3U\n");
        String playlist = "/media/" + video.id() + "/master.m3u8";

        api.get(playlist).send().expect(404);
        api.get(playlist).as(stranger).send().expect(404);
        Reply mine = api.get(playlist).as(owner).send().expect(200);
        assertThat(mine.header("Cache-Control")).as("Cache-Control of %s", mine).hasValue("private, no-cache");
        api.get(playlist).as(moderator()).send().expect(200);
        for (String around : List.of("/media/" + video.id() + "/./master.m3u8", "/media/x/../" + video.id() + "/master.m3u8")) {
            api.get(around).as(stranger).send().expect(404);
        }
    }

    @Test
    void onlyAnAdminGivesRolesAndNeverToThemselves() {
        Caller admin = api.signUp(ApiCalls.uniqueName("admin"));
        backend.backend.accounts().assignRole(admin.username(), Role.ADMIN);
        Caller member = api.signUp(ApiCalls.uniqueName("member"));
        Caller other = api.signUp(ApiCalls.uniqueName("other"));

        api.put("/api/v1/accounts/" + other.username() + "/role").as(member).json(Map.of("role", "moderator"))
                .send().expectProblem(403, "admins-only");
        api.put("/api/v1/accounts/" + admin.username() + "/role").as(admin).json(Map.of("role", "member"))
                .send().expectProblem(400, "invalid-username");
        api.put("/api/v1/accounts/" + other.username() + "/role").as(admin).json(Map.of("role", "boss"))
                .send().expectProblem(400, "invalid-role");
        api.put("/api/v1/accounts/nobody-here/role").as(admin).json(Map.of("role", "moderator"))
                .send().expectProblem(404, "account-not-found");
        Reply granted = api.put("/api/v1/accounts/" + other.username() + "/role").as(admin).json(Map.of("role", "moderator"))
                .send().expect(200);

        assertThat(granted.json().path("role").asText()).as("role in %s", granted).isEqualTo("moderator");
        assertThat(api.get("/api/v1/me").as(other).send().expect(200).json().path("role").asText()).as("the new moderator's role")
                .isEqualTo("moderator");
        api.get(QUEUE).as(other).send().expect(200);
    }
}
