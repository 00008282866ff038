package org.pando.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.media.Clips;

/**
 * {@code kill -9} in the middle of a transcode: no ffmpeg outlives the server, and after the next start
 * the job is claimed again and the video becomes ready instead of staying "processing" for ever.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void aTranscodeKilledMidwayFinishesAfterARestart() throws Exception {
        Path data = dir.resolve("data");
        Path clip = Clips.pattern(dir, "long.mp4", 1280, 720, 30, 30);
        String token;
        String videoId;
        try (ServerProcess first = ServerProcess.start(data, dir.resolve("first.log"), "jobs.lease=3s")) {
            PandoClient client = new PandoClient(first.port());
            token = client.signUp("crash");
            videoId = client.upload(token, clip, "long.mp4", "Killed midway");
            double progress = awaitProgress(client, token, videoId);
            assertThat(progress).as("the job was caught in the middle").isBetween(0.0, 0.9);
            first.kill();
        }
        assertThat(awaitNoFfmpegFor(data)).as("ffmpeg processes writing into %s after kill -9", data).isEmpty();

        try (ServerProcess second = ServerProcess.start(data, dir.resolve("second.log"), "jobs.lease=3s")) {
            PandoClient client = new PandoClient(second.port());
            JsonNode video = client.awaitSettled(token, videoId, Duration.ofSeconds(180));
            assertThat(video.path("status").asText()).as("status after the restart: %s", video).isEqualTo("ready");
            assertThat(video.path("progress").asDouble()).isEqualTo(1.0);
            assertThat(client.status(video.path("hls").asText(), token)).as("the master playlist, to its creator").isEqualTo(200);
            assertThat(second.stop()).as("exit status of a SIGTERM stop").isIn(0, 143);
        }
        assertThat(awaitNoFfmpegFor(data)).as("ffmpeg processes after a clean stop").isEmpty();
    }

    private static double awaitProgress(PandoClient client, String token, String videoId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode video = client.video(token, videoId);
            double progress = video.path("progress").asDouble();
            if (progress > 0.05 || !"processing".equals(video.path("status").asText())) {
                return progress;
            }
            PandoClient.sleep(100);
        }
        return 0;
    }

    /**
     * ffmpeg processes whose arguments mention the data directory, after three seconds to die: far less than
     * the transcode's remaining work, so only a process killed with its parent passes.
     */
    private static List<String> awaitNoFfmpegFor(Path data) {
        Instant deadline = Instant.now().plusSeconds(3);
        List<String> alive = ffmpegFor(data);
        while (!alive.isEmpty() && Instant.now().isBefore(deadline)) {
            PandoClient.sleep(200);
            alive = ffmpegFor(data);
        }
        return alive;
    }

    private static List<String> ffmpegFor(Path data) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("ffmpeg"))
                .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0])).contains(data.toString()))
                .map(p -> p.pid() + " " + String.join(" ", p.info().arguments().orElse(new String[0])))
                .toList();
    }
}
