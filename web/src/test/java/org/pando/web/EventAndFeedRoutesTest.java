package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pando.catalog.Video;
import org.pando.events.EventType;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** The event ingest ({@code POST /api/v1/events}) and the feeds ({@code GET /api/v1/feed}). */
class EventAndFeedRoutesTest extends InMemoryRoutes {
    private static final String EVENTS = "/api/v1/events";
    private static final String FEED = "/api/v1/feed";

    EventAndFeedRoutesTest(DirectClient client) {
        super(client);
    }

    /** A batch with one bad event at {@code badIndex}. */
    private record BadBatch(String problem, int badIndex, Map<String, Object> badEvent, String field) {
    }

    @Test
    void aBatchIsAcceptedAndStoredWithTheCallersIdentityNotTheBodys() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("watch"), Map.of("country", "BR", "languages", List.of("pt", "en")));
        Caller impersonated = api.signUp(ApiCalls.uniqueName("victim"), Map.of("country", "US"));
        Video video = ApiCalls.readyVideo(backend.backend, creator, "Samba school");
        Map<String, Object> claimingAnotherUser = event("play", video.id());
        claimingAnotherUser.put("user", impersonated.id());
        claimingAnotherUser.put("country", "US");
        claimingAnotherUser.put("language", "fr");
        claimingAnotherUser.put("creator", "someone-else");
        Map<String, Object> progress = event("progress", video.id());
        progress.put("watched_ms", 12_000);
        progress.put("duration_ms", 60_000);
        List<Map<String, Object>> batch = List.of(event("impression", video.id()), claimingAnotherUser, progress,
                event("complete", video.id()));

        Reply reply = api.post(EVENTS).as(viewer).json(Map.of("events", batch)).send().expect(202);

        assertThat(reply.json().path("accepted").asInt()).as("accepted in %s", reply).isEqualTo(4);
        List<UserEvent> stored = ApiCalls.eventsOf(backend.backend, viewer.id());
        assertThat(stored).as("stored events of the caller").extracting(UserEvent::type)
                .containsExactly(EventType.IMPRESSION, EventType.PLAY, EventType.PROGRESS, EventType.COMPLETE);
        for (UserEvent event : stored) {
            assertThat(event.country()).as("country of %s (the profile's, not the body's)", event).hasValue("BR");
            assertThat(event.language()).as("language of %s (the profile's first)", event).hasValue("pt");
            assertThat(event.creatorId()).as("creator of %s (the video's channel)", event).isEqualTo(video.channelId());
            assertThat(event.videoId()).as("video of %s", event).isEqualTo(video.id());
            assertThat(event.surface()).as("surface of %s", event).isEqualTo(Surface.FOR_YOU);
        }
        assertThat(stored.get(2).watchedMs()).as("watched_ms of the progress event %s", stored.get(2)).isEqualTo(12_000);
        assertThat(ApiCalls.eventsOf(backend.backend, impersonated.id()))
                .as("events stored under the user id the body claimed").isEmpty();
    }

    @Test
    void oneBadEventRefusesTheWholeBatch() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("watch"));
        Video video = ApiCalls.readyVideo(backend.backend, creator, "Lighthouse");
        Video processing = ApiCalls.processingVideo(backend.backend, creator, "Still processing");
        List<BadBatch> cases = List.of(
                new BadBatch("an unknown type", 1, event("teleport", video.id()), "type"),
                new BadBatch("an unknown video", 2, event("play", "no-such-video"), "video"),
                new BadBatch("another account's video in processing", 1, event("play", processing.id()), "video"),
                new BadBatch("an unknown surface", 0, Map.of("type", "play", "video", video.id(), "surface", "tv"),
                        "surface"),
                new BadBatch("negative watched_ms", 2, Map.of("type", "progress", "video", video.id(), "watched_ms", -5),
                        "watched_ms"));

        for (BadBatch bad : cases) {
            List<Object> batch = new ArrayList<>(List.of(event("impression", video.id()), event("play", video.id()),
                    event("complete", video.id())));
            batch.set(bad.badIndex(), bad.badEvent());

            Reply reply = api.post(EVENTS).as(viewer).json(Map.of("events", batch)).send().expect(400);

            assertThat(reply.json().path("field").asText()).as("field for %s: %s", bad.problem(), reply)
                    .isEqualTo(bad.field());
            assertThat(reply.json().path("detail").asText()).as("detail for %s names the culprit: %s", bad.problem(), reply)
                    .contains("events[" + bad.badIndex() + "]");
            assertThat(ApiCalls.eventsOf(backend.backend, viewer.id())).as("events stored after a batch with %s",
                    bad.problem()).isEmpty();
        }
    }

    @Test
    void moreThan500EventsAreRefused() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("watch"));
        Video video = ApiCalls.readyVideo(backend.backend, creator, "Long day");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            batch.add(event("impression", video.id()));
        }

        Reply reply = api.post(EVENTS).as(viewer).json(Map.of("events", batch)).send().expect(400);

        assertThat(reply.json().path("field").asText()).as("field of %s", reply).isEqualTo("events");
        assertThat(ApiCalls.eventsOf(backend.backend, viewer.id())).as("events stored from a refused batch").isEmpty();
        api.post(EVENTS).as(viewer).json(Map.of("events", batch.subList(0, 500))).send().expect(202);
    }

    @Test
    void aVisitorsEventsAreKeptUnderTheIdItsBrowserWasGivenAndShapeItsFeed() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Video boring = ApiCalls.readyVideo(backend.backend, creator, "Anonymous view");
        Video other = ApiCalls.readyVideo(backend.backend, creator, "Something else");

        Reply first = api.post(EVENTS).header("Accept-Language", "ko-KR,ko;q=0.9")
                .json(Map.of("events", List.of(event("impression", boring.id())))).send().expect(202);
        String setCookie = first.header("Set-Cookie").orElse("");
        assertThat(setCookie).as("the visitor cookie issued with the first batch").startsWith(Callers.VISITOR_COOKIE + "=")
                .containsIgnoringCase("HttpOnly");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String visitor = UserEvent.VISITOR_PREFIX + cookie.substring(cookie.indexOf('=') + 1);

        Reply second = api.post(EVENTS).header("Cookie", cookie)
                .json(Map.of("events", List.of(event("not_interested", boring.id())))).send().expect(202);
        assertThat(second.header("Set-Cookie")).as("no new id for a browser that has one").isEmpty();
        List<UserEvent> stored = ApiCalls.eventsOf(backend.backend, visitor);
        assertThat(stored).as("the visitor's events").extracting(UserEvent::type)
                .containsExactly(EventType.IMPRESSION, EventType.NOT_INTERESTED);
        assertThat(stored.getFirst().country()).as("country from the browser's languages").hasValue("KR");

        api.post(EVENTS).header("Cookie", cookie).json(Map.of("events", List.of(event("like", other.id())))).send()
                .expectProblem(401, "not-signed-in");

        assertThat(feedIds(FEED + "?limit=50", Map.of("Cookie", cookie))).as("the visitor's feed after 'not interested'")
                .contains(other.id()).doesNotContain(boring.id());
        assertThat(feedIds(FEED + "?limit=50", Map.of())).as("another browser's feed").contains(boring.id());
    }

    @Test
    void signingUpCarriesTheVisitorsWatchingOverToTheAccount() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Video boring = ApiCalls.readyVideo(backend.backend, creator, "Turned down before signing up");
        Video other = ApiCalls.readyVideo(backend.backend, creator, "Still welcome");
        Reply first = api.post(EVENTS).json(Map.of("events", List.of(event("not_interested", boring.id())))).send().expect(202);
        String setCookie = first.header("Set-Cookie").orElse("");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        String username = ApiCalls.uniqueName("joiner");
        Reply signUp = api.post("/api/v1/accounts").header("Cookie", cookie).json(Map.of("username", username,
                "password", ApiCalls.PASSWORD, "email", username + "@example.org")).send().expect(201);
        Caller joined = new Caller(signUp.json().path("id").asText(), username, api.signIn(username));

        assertThat(signUp.header("Set-Cookie").orElse("")).as("the visitor cookie is cleared on sign-up")
                .startsWith(Callers.VISITOR_COOKIE + "=;").contains("Expires=Thu, 1 Jan 1970");
        assertThat(feedIds(FEED + "?limit=50", Map.of("Authorization", "Bearer " + joined.token()))).as("the new account's feed after its visitor said 'not interested'")
                .contains(other.id()).doesNotContain(boring.id());
        assertThat(feedIds(FEED + "?limit=50", Map.of())).as("another browser's feed").contains(boring.id());
    }

    @Test
    void aBodyOfTheWrongShapeIsRefusedWithWhatIsWrong() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("watch"));
        Video video = ApiCalls.readyVideo(backend.backend, creator, "Tidal pools");
        String play = "{\"type\":\"play\",\"video\":\"" + video.id() + "\"}";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("[" + play + "]", "body-not-object");
        cases.put("{\"events\":[" + play, "body-malformed");
        cases.put("{\"evnts\":[" + play + "]}", "events");
        cases.put("{\"events\":{\"0\":" + play + "}}", "events");
        cases.put("{\"events\":[" + play + "],\"events\":7}", "events");
        int tooMany = WebConfig.defaults(0).maxEventBatch() + 1;
        cases.put("{\"events\":[" + String.join(",", Collections.nCopies(tooMany, play)) + "]}", "events");
        cases.put("{\"events\":[" + play + ",5]}", "type");
        cases.put("{\"events\":[{\"type\":{\"name\":\"play\"},\"video\":\"" + video.id() + "\"}]}", "type");
        cases.put("{\"events\":[{\"type\":\"progress\",\"video\":\"" + video.id() + "\",\"watched_ms\":\"12\"}]}",
                "watched_ms");
        cases.put("{\"events\":[{\"type\":\"impression\",\"video\":\"" + video.id() + "\",\"propensity\":[0.5]}]}",
                "propensity");

        cases.forEach((body, problem) -> {
            Reply reply = api.post(EVENTS).as(viewer).body(body.getBytes(StandardCharsets.UTF_8), "application/json").send();
            String shown = body.length() > 200 ? tooMany + " events" : body;
            assertThat(reply.status()).as("status for %s: %s", shown, reply).isEqualTo(400);
            String named = problem.startsWith("body-") ? reply.json().path("code").asText() : reply.json().path("field").asText();
            assertThat(named).as("what is wrong with %s: %s", shown, reply).isEqualTo(problem);
        });
        assertThat(ApiCalls.eventsOf(backend.backend, viewer.id())).as("events stored from refused bodies").isEmpty();

        String extras = "{\"client\":{\"app\":[1,2]},\"events\":[{\"type\":\"progress\",\"video\":\"" + video.id()
                + "\",\"watched_ms\":4000.0,\"player\":{\"muted\":true},\"ts\":null}],\"sent\":1}";
        api.post(EVENTS).as(viewer).body(extras.getBytes(StandardCharsets.UTF_8), "application/json").send()
                .expect(202);
        assertThat(ApiCalls.eventsOf(backend.backend, viewer.id())).as("events stored from a body with fields Pando does not know")
                .singleElement().satisfies(e -> assertThat(e.watchedMs()).as("watched_ms sent as 4000.0").isEqualTo(4000));
    }

    @Test
    void anEventThirtyDaysOldIsRefused() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("watch"));
        Video video = ApiCalls.readyVideo(backend.backend, creator, "Old news");
        Map<String, Object> old = event("play", video.id());
        old.put("ts", System.currentTimeMillis() - Duration.ofDays(30).toMillis());

        Reply reply = api.post(EVENTS).as(viewer).json(Map.of("events", List.of(old))).send().expect(400);

        assertThat(reply.json().path("field").asText()).as("field of %s", reply).isEqualTo("ts");
        assertThat(reply.json().path("detail").asText()).as("detail of %s", reply).contains("events[0]");
        assertThat(ApiCalls.eventsOf(backend.backend, viewer.id())).as("events stored from a refused batch").isEmpty();
    }

    @Test
    void theFeedListsReadyVideosOnly() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Video first = ApiCalls.readyVideo(backend.backend, creator, "Ready one");
        Video second = ApiCalls.readyVideo(backend.backend, creator, "Ready two");
        Video processing = ApiCalls.processingVideo(backend.backend, creator, "Not yet");

        Reply page = api.get(FEED + "?limit=50").send().expect(200);

        assertThat(page.json().path("surface").asText()).as("surface of %s", page).isEqualTo("for-you");
        assertThat(page.json().path("skip_threshold_ms").asLong()).as("skip_threshold_ms of %s", page).isEqualTo(3000);
        List<String> all = feedIds(FEED + "?limit=50", Map.of());
        assertThat(all).as("videos in the for-you feed").contains(first.id(), second.id())
                .doesNotContain(processing.id());
        for (JsonNode item : page.json().path("items")) {
            assertThat(item.path("status").asText()).as("status of feed item %s", item).isEqualTo("ready");
        }
    }

    @Test
    void pagingOneByOneVisitsEveryReadyVideoOnce() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller other = api.signUp(ApiCalls.uniqueName("maker"));
        List<String> mine = List.of(ApiCalls.readyVideo(backend.backend, creator, "One").id(),
                ApiCalls.readyVideo(backend.backend, creator, "Two").id(),
                ApiCalls.readyVideo(backend.backend, other, "Three").id());

        List<String> oneByOne = feedIds(FEED + "?limit=1", Map.of());
        List<String> inLargePages = feedIds(FEED + "?limit=50", Map.of());

        assertThat(oneByOne).as("videos visited with limit=1").doesNotHaveDuplicates().containsAll(mine);
        assertThat(oneByOne).as("videos visited with limit=1 compared with limit=50")
                .containsExactlyInAnyOrderElementsOf(inLargePages);
    }

    @Test
    void theFollowingFeedAsksAnonymousViewersToSignIn() {
        Reply page = api.get(FEED + "?surface=following").send().expect(200);

        assertThat(page.json().path("items").size()).as("items of %s", page).isZero();
        assertThat(page.json().path("empty_reason").asText()).as("empty_reason of %s", page).isEqualTo("sign-in");
    }

    @Test
    void theFollowingFeedListsTheFollowedChannelsVideos() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller unfollowed = api.signUp(ApiCalls.uniqueName("maker"));
        Caller fan = api.signUp(ApiCalls.uniqueName("fan"));
        Video older = ApiCalls.readyVideo(backend.backend, creator, "Older");
        sleepAMoment();
        Video newer = ApiCalls.readyVideo(backend.backend, creator, "Newer");
        ApiCalls.processingVideo(backend.backend, creator, "Unfinished");
        ApiCalls.readyVideo(backend.backend, unfollowed, "Not followed");

        Reply before = api.get(FEED + "?surface=following").as(fan).send().expect(200);
        assertThat(before.json().path("empty_reason").asText()).as("empty_reason before following: %s", before)
                .isEqualTo("follow-someone");

        api.post("/api/v1/channels/" + creator.channel() + "/follow").as(fan).send().expect(200);
        Reply after = api.get(FEED + "?surface=following").as(fan).send().expect(200);

        assertThat(after.itemIds()).as("following feed after following %s: %s", creator.channel(), after)
                .containsExactly(newer.id(), older.id());
        assertThat(after.json().path("items").path(0).path("following").asBoolean())
                .as("following flag of a followed channel's video in %s", after).isTrue();
    }

    @Test
    void theLocalFeedListsVideosFromTheViewersCountry() {
        Caller korean = api.signUp(ApiCalls.uniqueName("seoul"), Map.of("country", "KR", "languages", List.of("ko")));
        Caller brazilian = api.signUp(ApiCalls.uniqueName("rio"), Map.of("country", "BR", "languages", List.of("ko")));
        Video local = ApiCalls.readyVideo(backend.backend, korean, "Hangang at night");
        Video foreign = ApiCalls.readyVideo(backend.backend, brazilian, "Copacabana");

        List<String> ids = feedIds(FEED + "?surface=local&limit=50", Map.of("Accept-Language", "ko-KR,ko;q=0.9"));

        assertThat(ids).as("local feed for an anonymous ko-KR browser").contains(local.id()).doesNotContain(foreign.id());
        for (String id : ids) {
            Optional<String> country = backend.backend.videos().get(id).country();
            assertThat(country).as("uploader country of local feed video %s", id).hasValue("KR");
        }
    }

    @Test
    void anUnknownSurfaceIsRefused() {
        Reply reply = api.get(FEED + "?surface=nope").send().expect(400);

        assertThat(reply.json().path("field").asText()).as("field of %s", reply).isEqualTo("surface");
    }

    /** Every video id of a feed, following {@code next_cursor} to the end; fails on a cursor that loops. */
    private List<String> feedIds(String firstPage, Map<String, String> headers) {
        List<String> ids = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String path = firstPage;
        while (true) {
            ApiCalls.Request request = api.get(path);
            headers.forEach(request::header);
            Reply page = request.send().expect(200);
            ids.addAll(page.itemIds());
            JsonNode next = page.json().path("next_cursor");
            if (next.isNull() || next.isMissingNode()) {
                return ids;
            }
            assertThat(cursors.add(next.asText())).as("next_cursor %s seen before; pages so far %s", next, ids).isTrue();
            path = firstPage + "&cursor=" + next.asText();
        }
    }

    private static Map<String, Object> event(String type, String videoId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("video", videoId);
        event.put("surface", "for-you");
        return event;
    }

    /** Lets the clock move on, so two videos have distinct creation times. */
    private static void sleepAMoment() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
