package org.pando.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.media.Clips;

/**
 * A stopped Pando leaves the recommendation engine's checkpoint behind, and the next start reads it and only the events
 * after it, with what the viewer did still shaping their feed.
 */
class EngineRestartTest {
    @TempDir
    Path dir;

    @Test
    void aRestartReadsTheEnginesCheckpointAndTheFeedStillKnowsTheViewer() throws Exception {
        Path data = dir.resolve("data");
        String viewer;
        String watched;
        try (ServerProcess first = ServerProcess.start(data, dir.resolve("first.log"))) {
            PandoClient client = new PandoClient(first.port());
            String creator = client.signUp("maker");
            watched = client.upload(creator, Clips.pattern(dir, "clip.mp4", 320, 240, 25, 2), "clip.mp4", "Rain on the roof");
            JsonNode video = client.awaitSettled(creator, watched, Duration.ofSeconds(180));
            assertThat(video.path("status").asText()).as("the clip: %s", video).isEqualTo("ready");
            viewer = client.signUp("viewer");
            String who = viewer;
            JsonNode before = awaitFeed(client, who, true, watched);
            assertThat(before.path("items").findValuesAsText("id")).as("the viewer's feed once the clip is published: %s", before)
                    .contains(watched);
            client.post("/api/v1/events", "{\"events\":[{\"type\":\"play\",\"video\":\"" + watched + "\",\"surface\":\"for-you\","
                    + "\"watched_ms\":0,\"duration_ms\":2000},{\"type\":\"not_interested\",\"video\":\"" + watched + "\","
                    + "\"surface\":\"for-you\",\"watched_ms\":0,\"duration_ms\":2000}]}", viewer);
            JsonNode after = awaitFeed(client, who, false, watched);
            assertThat(after.path("items").findValuesAsText("id")).as("the feed after 'not interested': %s", after)
                    .doesNotContain(watched);
            assertThat(first.stop()).as("exit status of a SIGTERM stop").isIn(0, 143);
        }
        assertThat(data.resolve("engine").resolve("checkpoint.bin")).as("the checkpoint written at the stop").isRegularFile();

        try (ServerProcess second = ServerProcess.start(data, dir.resolve("second.log"))) {
            PandoClient client = new PandoClient(second.port());
            assertThat(Files.readString(dir.resolve("second.log"))).as("what the second start said")
                    .contains("The recommendation engine read its checkpoint");
            JsonNode feed = client.get("/api/v1/feed?limit=20", viewer);
            assertThat(feed.path("items").findValuesAsText("id")).as("the viewer's feed after the restart: %s", feed)
                    .doesNotContain(watched);
        }
    }

    /** The viewer's feed once it holds {@code video} (or no longer does), or as it is after a minute and a half. */
    private static JsonNode awaitFeed(PandoClient client, String viewer, boolean holding, String video) {
        Instant deadline = Instant.now().plusSeconds(90);
        JsonNode feed = client.get("/api/v1/feed?limit=20", viewer);
        while (feed.path("items").findValuesAsText("id").contains(video) != holding && Instant.now().isBefore(deadline)) {
            PandoClient.sleep(500);
            feed = client.get("/api/v1/feed?limit=20", viewer);
        }
        return feed;
    }
}
