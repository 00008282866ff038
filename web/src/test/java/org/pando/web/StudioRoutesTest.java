package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pando.catalog.Video;
import org.pando.catalog.VideoKind;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** The studio's statistics ({@code GET /api/v1/studio/...}), computed from events sent through the API. */
class StudioRoutesTest extends InMemoryRoutes {
    private static final String EVENTS = "/api/v1/events";

    StudioRoutesTest(DirectClient client) {
        super(client);
    }

    @Test
    void aVideosStatisticsCountWhoWatchedFromWhereAndHowFar() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller korean = api.signUp(ApiCalls.uniqueName("ko"), Map.of("country", "KR", "languages", List.of("ko")));
        Caller american = api.signUp(ApiCalls.uniqueName("us"), Map.of("country", "US", "languages", List.of("en")));
        Video video = ApiCalls.readyVideo(backend.backend, creator, "Ten seconds of rain");

        send(korean, event("impression", video, "for-you", 0), event("play", video, "for-you", 0),
                event("progress", video, "for-you", 4_000), event("skip", video, "for-you", 4_000));
        send(american, event("impression", video, "search", 0), event("play", video, "search", 0),
                event("complete", video, "search", 10_000), event("like", video, "search", 0));

        JsonNode stats = api.get("/api/v1/studio/videos/" + video.id() + "/stats").as(creator).send().expect(200).json();
        assertThat(stats.path("views").asLong()).as("views in %s", stats).isEqualTo(2);
        assertThat(stats.path("unique_viewers").asLong()).as("unique viewers").isEqualTo(2);
        assertThat(stats.path("watch_time_ms").asLong()).as("watch time").isEqualTo(14_000);
        assertThat(stats.path("average_view_duration_ms").asLong()).as("average view").isEqualTo(7_000);
        assertThat(stats.path("completion_rate").asDouble()).as("completion rate").isEqualTo(0.5);
        assertThat(stats.path("likes").asLong()).as("likes").isEqualTo(1);
        assertThat(doubles(stats.path("retention"))).as("retention at each second").containsExactly(
                1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        assertThat(stats.path("sources").path("for-you").asLong()).as("views from For You").isEqualTo(1);
        assertThat(stats.path("sources").path("search").asLong()).as("views from search").isEqualTo(1);
        assertThat(stats.path("sources").path("related").asLong()).as("views from related").isZero();
        assertThat(stats.path("countries").path("KR").asLong()).as("views from Korea").isEqualTo(1);
        assertThat(stats.path("countries").path("US").asLong()).as("views from the US").isEqualTo(1);
        assertThat(stats.path("last_hour").get(59).asLong() + stats.path("last_hour").get(58).asLong())
                .as("views in the last two minutes").isEqualTo(2);
        long lastWholeHalfHour = 0;
        for (int i = 29; i < 59; i++) {
            lastWholeHalfHour += stats.path("last_hour").get(i).asLong();
        }
        assertThat(stats.path("forecast").path("model").asText()).as("forecast without history").isEqualTo("persistence");
        assertThat(stats.path("forecast_30m").asDouble()).as("persistence: the last 30 whole minutes again")
                .isEqualTo(lastWholeHalfHour);

        api.get("/api/v1/studio/videos/" + video.id() + "/stats").as(korean).send().expectProblem(403, "not-allowed");
        api.get("/api/v1/studio/videos/" + video.id() + "/stats").send().expectProblem(401, "not-signed-in");
    }

    @Test
    void aPlayersClaimedLengthDoesNotStretchAProbedVideosStatistics() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("watch"));
        Video video = ApiCalls.readyVideo(backend.backend, creator, "Ten seconds, probed");
        backend.backend.videos().probed(video.id(), VideoKind.VIDEO, 10_000, 640, 360);
        Map<String, Object> play = event("play", video, "for-you", 0);
        play.put("duration_ms", 86_400_000);
        Map<String, Object> progress = event("progress", video, "for-you", 3_600_000);
        progress.put("duration_ms", 86_400_000);
        send(viewer, play, progress);

        JsonNode stats = api.get("/api/v1/studio/videos/" + video.id() + "/stats").as(creator).send().expect(200).json();
        assertThat(stats.path("retention")).as("retention of a 10 s video, one point per second").hasSize(11);
        assertThat(stats.path("watch_time_ms").asLong()).as("watch time, capped at the video's length").isEqualTo(10_000);
    }

    @Test
    void aChannelsStatisticsAddUpItsVideosAndShowItsExposure() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("watch"), Map.of("country", "JP", "languages", List.of("ja")));
        Video first = ApiCalls.readyVideo(backend.backend, creator, "First");
        Video second = ApiCalls.readyVideo(backend.backend, creator, "Second");
        send(viewer, event("impression", first, "for-you", 0), event("play", first, "for-you", 0),
                event("impression", second, "for-you", 0), event("play", second, "related", 0),
                event("play", second, "related", 0));

        Reply reply = api.get("/api/v1/studio/channels/" + creator.username() + "/stats").as(creator).send().expect(200);
        JsonNode stats = reply.json();
        assertThat(stats.path("views").asLong()).as("views of the channel in %s", stats).isEqualTo(3);
        assertThat(stats.path("unique_viewers").asLong()).as("one viewer of two videos counts once").isEqualTo(1);
        assertThat(stats.path("videos").get(0).path("id").asText()).as("most viewed video first").isEqualTo(second.id());
        assertThat(stats.path("exposure").path("for_you_impressions").asLong()).as("For You impressions").isEqualTo(2);
        assertThat(stats.path("exposure").path("new_videos")).as("guarantee rows of the two new videos").hasSize(2);
        assertThat(stats.path("exposure").path("new_videos").get(0).path("delivery").asText()).as("within the window")
                .isEqualTo("underway");

        api.get("/api/v1/studio/channels/" + creator.username() + "/stats").as(viewer).send().expectProblem(403, "not-allowed");
    }

    private void send(Caller who, Map<?, ?>... events) {
        api.post(EVENTS).as(who).json(Map.of("events", List.of(events))).send().expect(202);
    }

    private static Map<String, Object> event(String type, Video video, String surface, long watchedMs) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("video", video.id());
        event.put("surface", surface);
        event.put("watched_ms", watchedMs);
        event.put("duration_ms", 10_000);
        return event;
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asDouble()));
        return values;
    }
}
