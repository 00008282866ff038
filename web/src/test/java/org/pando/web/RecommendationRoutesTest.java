package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pando.catalog.Video;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** The engine behind the API: what viewers do through {@code POST /api/v1/events} shapes their next page. */
class RecommendationRoutesTest extends InMemoryRoutes {
    private static final String TOPIC_FEED = "/api/v1/feed?limit=6";

    RecommendationRoutesTest(DirectClient client) {
        super(client);
    }

    /** Six videos per topic, each by its own creator; returns the ids by topic. */
    private Map<String, List<String>> catalogue() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("cooking", "Cooking a weeknight pasta recipe in a small kitchen");
        titles.put("gaming", "Gaming speedrun of the console boss level");
        titles.put("dance", "Dance choreography practice in the studio");
        Map<String, List<String>> ids = new LinkedHashMap<>();
        titles.forEach((topic, title) -> {
            List<String> list = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Caller creator = api.signUp(ApiCalls.uniqueName(topic.substring(0, 4)));
                list.add(ApiCalls.readyVideo(backend.backend, creator, title + " part " + i).id());
            }
            ids.put(topic, list);
        });
        return ids;
    }

    private void finish(Caller viewer, String video) {
        List<Map<String, Object>> batch = List.of(event("play", video), event("complete", video));
        api.post("/api/v1/events").as(viewer).json(Map.of("events", batch)).send().expect(202);
    }

    private static Map<String, Object> event(String type, String video) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("video", video);
        e.put("surface", "for-you");
        return e;
    }

    /** Videos of a topic on a page, by title (other tests of this class add videos of the same topics). */
    private static long countOf(Reply page, String topic) {
        long count = 0;
        for (JsonNode item : page.json().path("items")) {
            count += item.path("title").asText().toLowerCase(Locale.ROOT).startsWith(topic) ? 1 : 0;
        }
        return count;
    }

    @Test
    void afterThreeFinishedCookingVideosTheNextPageShowsMoreCookingAndOtherHistoriesGetOtherPages() {
        Map<String, List<String>> topics = catalogue();
        Caller cook = api.signUp(ApiCalls.uniqueName("cook"));
        Caller gamer = api.signUp(ApiCalls.uniqueName("gamer"));
        Reply before = api.get(TOPIC_FEED).as(cook).send().expect(200);
        for (String video : topics.get("cooking").subList(0, 3)) {
            finish(cook, video);
        }
        for (String video : topics.get("gaming").subList(0, 3)) {
            finish(gamer, video);
        }

        Reply cookPage = api.get(TOPIC_FEED).as(cook).send().expect(200);
        Reply gamerPage = api.get(TOPIC_FEED).as(gamer).send().expect(200);

        assertThat(countOf(cookPage, "cooking")).as("cooking on the page after three (before: %s)", before)
                .isGreaterThanOrEqualTo(3).isGreaterThan(countOf(before, "cooking"));
        assertThat(countOf(gamerPage, "gaming")).as("gaming on the gamer's page %s", gamerPage)
                .isGreaterThanOrEqualTo(3);
        assertThat(cookPage.itemIds()).as("the two viewers' pages").isNotEqualTo(gamerPage.itemIds());
        JsonNode reason = cookPage.json().path("items").path(0).path("why");
        assertThat(reason.findValuesAsText("signal")).as("reasons of the cook's first video %s", reason)
                .containsAnyOf("similar-content", "co-watched", "taste");
    }

    @Test
    void everyItemsScoreIsTheSumOfItsReasonsAndItsImpressionKeepsThePropensity() {
        catalogue();
        Caller viewer = api.signUp(ApiCalls.uniqueName("viewer"));

        Reply page = api.get(TOPIC_FEED).as(viewer).send().expect(200);

        for (JsonNode item : page.json().path("items")) {
            double sum = 0;
            for (JsonNode part : item.path("why")) {
                sum += part.path("value").asDouble();
            }
            assertThat(item.path("score").asDouble()).as("score of %s", item.path("id")).isCloseTo(sum, within(1e-9));
            assertThat(item.path("propensity").asDouble()).as("propensity of %s", item.path("id")).isBetween(0.0, 1.0);
        }
        JsonNode first = page.json().path("items").path(0);
        Map<String, Object> impression = event("impression", first.path("id").asText());
        impression.put("propensity", first.path("propensity").asDouble());
        api.post("/api/v1/events").as(viewer).json(Map.of("events", List.of(impression))).send().expect(202);
        assertThat(ApiCalls.eventsOf(backend.backend, viewer.id()).getLast().propensity())
                .as("propensity stored with the impression").hasValue(first.path("propensity").asDouble());
        Map<String, Object> impossible = event("impression", first.path("id").asText());
        impossible.put("propensity", 1.5);
        api.post("/api/v1/events").as(viewer).json(Map.of("events", List.of(impossible))).send().expect(400);
    }

    @Test
    void aNewVideoFromACreatorWithoutFollowersReachesItsFirstViewers() {
        catalogue();
        Caller newcomer = api.signUp(ApiCalls.uniqueName("new"));
        Video first = ApiCalls.readyVideo(backend.backend, newcomer, "My very first upload");

        List<String> reasons = List.of();
        for (int viewers = 0; viewers < 120 && reasons.isEmpty(); viewers++) {
            Caller viewer = api.signUp(ApiCalls.uniqueName("viewer"));
            Reply page = api.get(TOPIC_FEED).as(viewer).send().expect(200);
            List<Map<String, Object>> impressions = new ArrayList<>();
            for (JsonNode item : page.json().path("items")) {
                impressions.add(event("impression", item.path("id").asText()));
                if (item.path("id").asText().equals(first.id())) {
                    reasons = item.path("why").findValuesAsText("signal");
                }
            }
            api.post("/api/v1/events").as(viewer).json(Map.of("events", impressions)).send().expect(202);
        }

        assertThat(reasons).as("reasons the new video was shown with, while other new videos compete for the owed slot")
                .contains("new-creator-boost");
    }

    @Test
    void feedPreferencesAreValidatedAndKept() {
        Caller viewer = api.signUp(ApiCalls.uniqueName("tuner"));

        Reply defaults = api.get("/api/v1/me/feed-preferences").as(viewer).send().expect(200);
        api.put("/api/v1/me/feed-preferences").as(viewer).json(Map.of("strategy", "sideways")).send().expect(400);
        api.put("/api/v1/me/feed-preferences").as(viewer).json(Map.of("weights", Map.of("taste", 7))).send().expect(400);
        api.put("/api/v1/me/feed-preferences").as(viewer)
                .json(Map.of("strategy", "fresh-and-fair", "weights", Map.of("popular", 0))).send().expect(200);
        Reply saved = api.get("/api/v1/me/feed-preferences").as(viewer).send().expect(200);

        assertThat(defaults.json().path("strategy").asText()).as("default strategy").isEqualTo("personalised");
        assertThat(saved.json().path("strategy").asText()).as("saved strategy").isEqualTo("fresh-and-fair");
        assertThat(saved.json().path("weights").path("popular").asDouble()).as("saved weight").isZero();
        assertThat(saved.json().path("weights").path("taste").asDouble()).as("untouched weight").isEqualTo(1.0);
        api.get("/api/v1/me/feed-preferences").send().expect(401);
    }
}
