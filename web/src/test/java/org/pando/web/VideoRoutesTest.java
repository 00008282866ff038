package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.testing.junit5.DirectClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.pando.catalog.Video;
import org.pando.events.EventType;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** Likes, comments and follows, and the events they leave in the log. */
class VideoRoutesTest extends InMemoryRoutes {
    VideoRoutesTest(DirectClient client) {
        super(client);
    }

    /** The three accounts around a comment. */
    private record Cast(Caller owner, Caller author, Caller stranger) {
    }

    /** Who tries to delete a comment, and what comes of it. */
    private record Deletion(String who, Function<Cast, Caller> deleter, int status, boolean kept) {
    }

    private static final List<Deletion> DELETIONS = List.of(
            new Deletion("its author", Cast::author, 204, false),
            new Deletion("the owner of the video's channel", Cast::owner, 204, false),
            new Deletion("a third account", Cast::stranger, 403, true));

    @Test
    void likingAndUnlikingToggleLikedAndTheCountAndAreLogged() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"), Map.of("country", "PT", "languages", List.of("pt")));
        Caller viewer = api.signUp(ApiCalls.uniqueName("fan"), Map.of("country", "BR", "languages", List.of("pt", "en")));
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Tram 28");
        String like = "/api/v1/videos/" + video.id() + "/like";

        Reply liked = api.post(like + "?surface=for-you").as(viewer).send().expect(200);
        assertLikes(liked, true, 1);
        assertLikes(api.post(like).as(viewer).send().expect(200), true, 1);
        Reply seen = api.get("/api/v1/videos/" + video.id()).as(viewer).send().expect(200);
        assertThat(seen.json().path("liked").asBoolean()).as("liked in %s", seen).isTrue();
        assertThat(seen.json().path("likes").asLong()).as("likes in %s", seen).isEqualTo(1);
        assertLikes(api.delete(like).as(viewer).send().expect(200), false, 0);
        assertLikes(api.delete(like).as(viewer).send().expect(200), false, 0);

        List<UserEvent> events = ApiCalls.eventsOf(backend.backend, viewer.id());
        assertThat(events).as("events of the viewer (a repeated like or unlike changes nothing): %s", events)
                .extracting(UserEvent::type).containsExactly(EventType.LIKE, EventType.UNLIKE);
        UserEvent first = events.getFirst();
        assertThat(first.videoId()).as("video of the like event %s", first).isEqualTo(video.id());
        assertThat(first.creatorId()).as("creator of the like event %s", first).isEqualTo(video.channelId());
        assertThat(first.surface()).as("surface of the like event %s", first).isEqualTo(Surface.FOR_YOU);
        assertThat(first.country()).as("country of the like event %s", first).hasValue("BR");
        assertThat(first.language()).as("language of the like event %s", first).hasValue("pt");
        api.post(like).send().expectProblem(401, "not-signed-in");
    }

    @Test
    void commentsAreListedNewestFirstPageByPage() throws InterruptedException {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller author = api.signUp(ApiCalls.uniqueName("talk"));
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Harbour at noon");
        List<String> bodies = List.of("First!", "Lovely light.", "Where is this?");
        List<String> ids = new ArrayList<>();
        for (String body : bodies) {
            Reply added = api.post("/api/v1/videos/" + video.id() + "/comments").as(author).json(Map.of("body", body))
                    .send().expect(201);
            assertThat(added.json().path("body").asText()).as("body of %s", added).isEqualTo(body);
            assertThat(added.json().path("author").asText()).as("author of %s", added).isEqualTo(author.username());
            ids.add(added.json().path("id").asText());
            Thread.sleep(5); // distinct creation times, so "newest first" has one answer
        }

        Reply firstPage = api.get("/api/v1/videos/" + video.id() + "/comments?limit=2").send().expect(200);
        String cursor = firstPage.json().path("next_cursor").asText("");
        Reply secondPage = api.get("/api/v1/videos/" + video.id() + "/comments?limit=2&cursor=" + cursor)
                .send().expect(200);

        assertThat(firstPage.itemIds()).as("first page of comments, newest first: %s", firstPage)
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(cursor).as("next_cursor of a full first page: %s", firstPage).isNotBlank();
        assertThat(secondPage.itemIds()).as("second page of comments: %s", secondPage).containsExactly(ids.get(0));
        assertThat(secondPage.json().path("next_cursor").isNull()).as("next_cursor of the last page: %s", secondPage)
                .isTrue();
        Reply shown = api.get("/api/v1/videos/" + video.id()).send().expect(200);
        assertThat(shown.json().path("comments").asLong()).as("comment count of %s", shown).isEqualTo(3);
        assertThat(ApiCalls.eventsOf(backend.backend, author.id())).as("events of the commenter")
                .extracting(UserEvent::type).containsExactly(EventType.COMMENT, EventType.COMMENT, EventType.COMMENT);
    }

    @Test
    void onlyTheAuthorAndTheChannelOwnerMayDeleteAComment() {
        for (Deletion deletion : DELETIONS) {
            Cast cast = new Cast(api.signUp(ApiCalls.uniqueName("own")), api.signUp(ApiCalls.uniqueName("talk")),
                    api.signUp(ApiCalls.uniqueName("other")));
            Video video = ApiCalls.readyVideo(backend.backend, cast.owner(), "Rooftops");
            String comment = api.post("/api/v1/videos/" + video.id() + "/comments").as(cast.author())
                    .json(Map.of("body", "Nice rooftops")).send().expect(201).json().path("id").asText();

            Reply reply = api.delete("/api/v1/comments/" + comment).as(deletion.deleter().apply(cast)).send();

            assertThat(reply.status()).as("status when %s deletes a comment: %s", deletion.who(), reply)
                    .isEqualTo(deletion.status());
            if (deletion.status() == 403) {
                assertThat(reply.json().path("code").asText()).as("code when %s deletes: %s", deletion.who(), reply)
                        .isEqualTo("not-allowed");
            }
            Reply list = api.get("/api/v1/videos/" + video.id() + "/comments").send().expect(200);
            assertThat(list.itemIds().contains(comment)).as("comment still listed after %s tried to delete it: %s",
                    deletion.who(), list).isEqualTo(deletion.kept());
            Reply shown = api.get("/api/v1/videos/" + video.id()).send().expect(200);
            assertThat(shown.json().path("comments").asLong()).as("comment count after %s tried to delete: %s",
                    deletion.who(), shown).isEqualTo(deletion.kept() ? 1 : 0);
        }
    }

    @Test
    void theCommentListSaysWhoMayDeleteEachComment() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller author = api.signUp(ApiCalls.uniqueName("talk"));
        Caller stranger = api.signUp(ApiCalls.uniqueName("other"));
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Market");
        api.post("/api/v1/videos/" + video.id() + "/comments").as(author).json(Map.of("body", "Hi")).send().expect(201);
        String path = "/api/v1/videos/" + video.id() + "/comments";

        for (Caller caller : List.of(owner, author)) {
            Reply list = api.get(path).as(caller).send().expect(200);
            assertThat(list.json().path("items").path(0).path("can_delete").asBoolean())
                    .as("can_delete for %s: %s", caller.username(), list).isTrue();
        }
        Reply forStranger = api.get(path).as(stranger).send().expect(200);
        assertThat(forStranger.json().path("items").path(0).path("can_delete").asBoolean())
                .as("can_delete for a third account: %s", forStranger).isFalse();
    }

    @Test
    void followingAndUnfollowingAChannelCountFollowers() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller fan = api.signUp(ApiCalls.uniqueName("fan"));
        String follow = "/api/v1/channels/" + creator.channel() + "/follow";

        Reply followed = api.post(follow).as(fan).send().expect(200);
        assertFollowers(followed, true, 1);
        assertFollowers(api.post(follow).as(fan).send().expect(200), true, 1);
        Reply channel = api.get("/api/v1/channels/" + creator.channel()).as(fan).send().expect(200);
        assertThat(channel.json().path("following").asBoolean()).as("following in %s", channel).isTrue();
        assertThat(channel.json().path("followers").asLong()).as("followers in %s", channel).isEqualTo(1);

        Reply unfollowed = api.delete(follow).as(fan).send().expect(200);
        assertFollowers(unfollowed, false, 0);
        Reply after = api.get("/api/v1/channels/" + creator.channel()).as(fan).send().expect(200);
        assertThat(after.json().path("following").asBoolean()).as("following after unfollowing: %s", after).isFalse();
        assertThat(ApiCalls.eventsOf(backend.backend, fan.id())).as("events of the follower")
                .extracting(UserEvent::type).containsExactly(EventType.FOLLOW);
    }

    @Test
    void followingYourOwnChannelIsRefused() {
        Caller creator = api.signUp(ApiCalls.uniqueName("self"));

        Reply reply = api.post("/api/v1/channels/" + creator.channel() + "/follow").as(creator).send().expect(400);

        assertThat(reply.json().path("field").asText()).as("field of %s", reply).isEqualTo("channel");
        Reply channel = api.get("/api/v1/channels/" + creator.channel()).send().expect(200);
        assertThat(channel.json().path("followers").asLong()).as("followers after a refused self-follow: %s", channel)
                .isZero();
    }

    private static void assertLikes(Reply reply, boolean liked, long likes) {
        assertThat(reply.json().path("liked").asBoolean()).as("liked in %s", reply).isEqualTo(liked);
        assertThat(reply.json().path("likes").asLong()).as("likes in %s", reply).isEqualTo(likes);
    }

    private static void assertFollowers(Reply reply, boolean following, long followers) {
        assertThat(reply.json().path("following").asBoolean()).as("following in %s", reply).isEqualTo(following);
        assertThat(reply.json().path("followers").asLong()).as("followers in %s", reply).isEqualTo(followers);
    }
}
