package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.pando.account.Role;
import org.pando.catalog.Publication;
import org.pando.catalog.Video;
import org.pando.events.EventType;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.store.JdbiAnalysisStore;
import org.pando.understanding.FileAnalysis;
import org.pando.understanding.FrameFindings;
import org.pando.understanding.ImageEmbedding;
import org.pando.understanding.Step;
import org.pando.understanding.StepState;
import org.pando.understanding.Topics;
import org.pando.understanding.Transcript;
import org.pando.understanding.VisualFindings;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/**
 * {@code GET /api/v1/search}, {@code GET /api/v1/search/suggest}, the search page, search's events, and what
 * moderation hides from search.
 */
class SearchRoutesTest extends InMemoryRoutes {
    private static final Duration INDEXED = Duration.ofSeconds(30);

    SearchRoutesTest(DirectClient client) {
        super(client);
    }

    /** A request and the problem it gets. */
    private record Refusal(String query, String code) {
    }

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal("", "invalid-q"),
            new Refusal("?q=", "invalid-q"),
            new Refusal("?q=" + "a".repeat(201), "invalid-q"),
            new Refusal("?q=tram&duration=brief", "invalid-duration"),
            new Refusal("?q=tram&date=decade", "invalid-date"),
            new Refusal("?q=tram&language=portuguese", "invalid-language"),
            new Refusal("?q=tram&limit=0", "invalid-limit"),
            new Refusal("?q=tram&limit=101", "invalid-limit"),
            new Refusal("?q=tram&offset=-1", "invalid-offset"),
            new Refusal("?q=tram&offset=1001", "invalid-offset"),
            new Refusal("?q=tram&offset=ten", "invalid-offset"),
            new Refusal("?q=tram&cursor=bm90LW91cnM", "invalid-cursor"),
            new Refusal("?q=tram&offset=2&cursor=c2VhcmNoOjI", "invalid-offset"));

    private static String word(String prefix) {
        return ApiCalls.uniqueName(prefix).replaceAll("[^a-z]", "") + "x";
    }

    private void indexed() {
        assertThat(backend.search.awaitIdle(INDEXED)).as("search indexed the change within %s", INDEXED).isTrue();
    }

    @Test
    void findsReadyVideosWithWhatACardShowsAndNotOthers() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        String word = word("tram");
        Video ready = ApiCalls.readyVideo(backend.backend, owner, "Tram 28 " + word);
        ApiCalls.processingVideo(backend.backend, owner, "Tram 15 " + word);
        backend.search.changed(ready.id());
        indexed();

        Reply reply = api.get("/api/v1/search?q=" + word).send().expect(200);

        assertThat(reply.itemIds()).as("videos found for a word of a ready and of a processing title: %s", reply)
                .containsExactly(ready.id());
        JsonNode item = reply.json().path("items").get(0);
        assertThat(item.path("title").asText()).as("title in %s", reply).isEqualTo(ready.title());
        assertThat(item.path("channel").path("handle").asText()).as("channel in %s", reply).isEqualTo(owner.channel());
        assertThat(item.has("duration_ms")).as("duration_ms in %s", reply).isTrue();
        assertThat(item.path("poster").asText()).as("poster in %s", reply).isEqualTo("/media/" + ready.id() + "/poster.jpg");
        assertThat(item.path("url").asText()).as("url of a hit by title in %s", reply).isEqualTo("/v/" + ready.id());
        assertThat(item.has("t")).as("a moment for a hit by title in %s", reply).isFalse();
        assertThat(reply.json().path("query").asText()).isEqualTo(word);
    }

    @Test
    void aWordInTheCaptionsReportsTheMomentItIsSaidAndLinksToIt() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        String word = word("funicular");
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Up the hill");
        api.put("/api/v1/videos/" + video.id() + "/captions").as(owner).json(Map.of("cues", List.of(
                Map.of("start", 1.0, "end", 3.0, "text", "good morning"),
                Map.of("start", 12.5, "end", 14.0, "text", "the " + word + " climbs the hill")))).send().expect(204);
        indexed();

        Reply reply = api.get("/api/v1/search?q=" + word).send().expect(200);

        assertThat(reply.itemIds()).as("videos saying %s: %s", word, reply).containsExactly(video.id());
        JsonNode item = reply.json().path("items").get(0);
        assertThat(item.path("t").asDouble()).as("t in %s", reply).isEqualTo(12.5);
        assertThat(item.path("snippet").asText()).as("snippet in %s", reply).isEqualTo("the " + word + " climbs the hill");
        assertThat(item.path("url").asText()).as("url in %s", reply).isEqualTo("/v/" + video.id() + "?t=12");
    }

    @Test
    void newTagsAreFoundAtOnce() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        String tag = word("azulejo");
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Blue walls");
        assertThat(api.get("/api/v1/search?q=" + tag).send().expect(200).itemIds()).as("before tagging").isEmpty();

        api.put("/api/v1/videos/" + video.id() + "/tags").as(owner).json(Map.of("tags", List.of(tag))).send().expect(200);
        indexed();

        assertThat(api.get("/api/v1/search?q=" + tag).send().expect(200).itemIds()).as("after tagging").containsExactly(video.id());
    }

    @Test
    void pagesByCursorOrOffset() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        String word = word("ferry");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(ApiCalls.readyVideo(backend.backend, owner, "Ferry " + word + " number " + i).id());
        }

        Reply first = api.get("/api/v1/search?q=" + word + "&limit=2").send().expect(200);
        String cursor = first.json().path("next_cursor").asText("");
        Reply second = api.get("/api/v1/search?q=" + word + "&limit=2&cursor=" + cursor).send().expect(200);
        Reply byOffset = api.get("/api/v1/search?q=" + word + "&limit=2&offset=2").send().expect(200);

        assertThat(first.itemIds()).as("first page: %s", first).hasSize(2);
        assertThat(cursor).as("next_cursor of a full first page: %s", first).isNotBlank();
        assertThat(second.itemIds()).as("second page: %s", second).hasSize(1).doesNotContainAnyElementsOf(first.itemIds());
        assertThat(second.json().path("next_cursor").isNull()).as("next_cursor of the last page: %s", second).isTrue();
        assertThat(byOffset.itemIds()).as("the page at offset 2: %s", byOffset).isEqualTo(second.itemIds());
        List<String> all = new ArrayList<>(first.itemIds());
        all.addAll(second.itemIds());
        assertThat(all).as("both pages").containsExactlyInAnyOrderElementsOf(made);
    }

    @Test
    void aHeldVideoIsNeverFoundAndOneAModeratorApprovesIsFoundAtOnce() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller moderator = api.signUp(ApiCalls.uniqueName("mod"));
        backend.backend.accounts().assignRole(moderator.username(), Role.MODERATOR);
        String word = word("beach");
        Video video = ApiCalls.processingVideo(backend.backend, owner, "Day at the " + word);
        backend.backend.videos().ready(video.id());
        JdbiAnalysisStore store = new JdbiAnalysisStore(backend.database.jdbi());
        VisualFindings seen = new VisualFindings(List.of(new FrameFindings(0, 0.02, 1, 0.3), new FrameFindings(12, 0.91, 1, 0.4)),
                new ImageEmbedding(new float[] {1, 0}));
        store.save(video.id(), new FileAnalysis(30, true, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                new Transcript("und", List.of()), List.of(), List.of(), List.of(), Topics.NONE, Optional.of(seen), List.of(), Map.of()));
        for (Step step : Step.values()) {
            store.step(video.id(), step, StepState.DONE);
        }
        backend.screening.screen(video.id());
        backend.search.changed(video.id());
        indexed();
        assertThat(backend.backend.videos().get(video.id()).publication()).as("publication after screening").isEqualTo(Publication.HELD);
        assertThat(api.get("/api/v1/search?q=" + word).send().expect(200).itemIds()).as("found while held").isEmpty();
        assertThat(api.get("/api/v1/search/suggest?q=" + word).send().expect(200).json().path("suggestions").size())
                .as("suggestions while held").isZero();

        api.post("/api/v1/moderation/videos/" + video.id() + "/decision").as(moderator)
                .json(Map.of("decision", "approve", "note", "Swimwear at the beach; fine.")).send().expect(200);
        indexed();
        assertThat(api.get("/api/v1/search?q=" + word).send().expect(200).itemIds()).as("found once approved")
                .containsExactly(video.id());

        api.post("/api/v1/moderation/videos/" + video.id() + "/decision").as(moderator)
                .json(Map.of("decision", "reject", "note", "On second thought, no.")).send().expect(200);
        assertThat(api.get("/api/v1/search?q=" + word).send().expect(200).itemIds()).as("found once rejected").isEmpty();
    }

    @Test
    void filtersAndLimitsOutsideTheRulesAreRefusedNamingTheField() {
        for (Refusal refusal : REFUSALS) {
            api.get("/api/v1/search" + refusal.query()).send().expectProblem(400, refusal.code());
        }
        api.get("/api/v1/search?q=tram&duration=short&date=week&language=pt&limit=5").send().expect(200);
        api.get("/api/v1/search/suggest").send().expectProblem(400, "invalid-q");
    }

    @Test
    void suggestsTitlesAndTagsCompletingTheLastWord() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        String word = word("miradouro");
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Sunset at the " + word);
        api.put("/api/v1/videos/" + video.id() + "/tags").as(owner).json(Map.of("tags", List.of(word))).send().expect(200);
        indexed();

        Reply reply = api.get("/api/v1/search/suggest?q=sunset%20" + word.substring(0, 6)).send().expect(200);

        assertThat(reply.json().path("suggestions").findValuesAsText("text")).as("suggestions in %s", reply)
                .containsExactly("Sunset at the " + word);
        Reply tags = api.get("/api/v1/search/suggest?q=" + word.substring(0, 8)).send().expect(200);
        assertThat(tags.json().path("suggestions").findValuesAsText("kind")).as("kinds in %s", tags)
                .containsExactlyInAnyOrder("title", "tag");
    }

    @Test
    void impressionsAndPlaysFromTheSearchPageAreLoggedAsTheSearchSurface() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("look"));
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Night tram");
        List<Map<String, Object>> batch = List.of(
                Map.of("type", "impression", "video", video.id(), "surface", "search", "ts", System.currentTimeMillis()),
                Map.of("type", "play", "video", video.id(), "surface", "search", "ts", System.currentTimeMillis()));

        api.post("/api/v1/events").as(viewer).json(Map.of("events", batch)).send().expect(202);

        assertThat(ApiCalls.eventsOf(backend.backend, viewer.id())).as("the viewer's events")
                .extracting(UserEvent::type, UserEvent::surface)
                .containsExactly(tuple(EventType.IMPRESSION, Surface.SEARCH),
                        tuple(EventType.PLAY, Surface.SEARCH));
    }

    @Test
    void everyPageHasTheSearchBoxAndTheSearchPageIsServed() {
        Reply page = api.get("/search?q=tram").header("Accept", "text/html").send().expect(200);
        Reply home = api.get("/").header("Accept", "text/html").send().expect(200);

        assertThat(page.text()).as("the search page").contains("id=\"search-results\"");
        for (Reply reply : List.of(page, home)) {
            assertThat(reply.text()).as("the header's search box in %s", reply.request())
                    .contains("role=\"search\"", "role=\"combobox\"", "aria-expanded=\"false\"", "aria-autocomplete=\"list\"");
        }
    }
}
