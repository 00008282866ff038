package org.pando.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.media.Clips;
import org.pando.media.SharedMedia;

/**
 * Bad input through the whole running platform: each bad upload fails with a message its uploader sees,
 * while the server stays up and a good video uploaded among them becomes ready, untouched.
 */
class BadUploadsTest {
    @TempDir
    static Path dir;

    private static Pando pando;
    private static PandoClient client;

    @BeforeAll
    static void start() {
        Settings settings = Settings.defaults().with("data-dir", dir.resolve("data").toString()).with("server.port", "0")
                .with("media.max-duration", "4h").with("upload.max-size", "50MiB");
        pando = Pando.start(PandoConfig.from(settings));
        client = new PandoClient(pando.port());
    }

    @AfterAll
    static void stop() {
        pando.close();
    }

    private record Refused(String name, String filename, long length, int status, String code) {
    }

    @Test
    void refusesBadNamesAndSizesBeforeAnyByte() {
        String token = client.signUp("early");
        List<Refused> cases = List.of(
                new Refused("path in the name", "../../etc/passwd.mp4", 1000, 400, "upload-bad-filename"),
                new Refused("backslash path", "..\\evil.mp4", 1000, 400, "upload-bad-filename"),
                new Refused("control character", "clip\u0007.mp4", 1000, 400, "upload-bad-filename"),
                new Refused("newline", "clip\n.mp4", 1000, 400, "upload-bad-filename"),
                new Refused("zero bytes", "empty.mp4", 0, 400, "upload-empty"),
                new Refused("over the size limit", "huge.mp4", 51L << 20, 413, "upload-too-large"));
        for (Refused c : cases) {
            PandoClient.Created created = client.createUpload(token, c.length(), c.filename(), "t");
            assertThat(created.status()).as("%s: %s", c.name(), created.problem()).isEqualTo(c.status());
            assertThat(created.problem().path("code").asText()).as(c.name()).isEqualTo(c.code());
            assertThat(created.problem().path("detail").asText()).as("%s: a message for the uploader", c.name()).isNotBlank();
        }
    }

    private interface Maker {
        Path make(Path dir) throws IOException;
    }

    @Test
    void failsEachBadFileWithItsReasonAndLeavesTheGoodOneAlone() throws IOException {
        String token = client.signUp("uploader");
        Map<String, Maker> bad = new LinkedHashMap<>();
        bad.put("media-unreadable", Clips::notAVideo);
        bad.put("media-unreadable ", Clips::truncatedMp4);
        bad.put("media-truncated", Clips::truncatedFastStartMp4);
        bad.put("media-too-large-frame", Clips::hugeFrameHeader);
        bad.put("media-too-long", Clips::tenHoursSilent);
        bad.put("media-no-audio-or-video", Clips::subtitlesOnly);
        Map<String, String> videos = new LinkedHashMap<>();
        for (Map.Entry<String, Maker> entry : bad.entrySet()) {
            Path file = entry.getValue().make(Files.createDirectories(dir.resolve("in-" + videos.size())));
            videos.put(client.upload(token, file, file.getFileName().toString(), "bad " + videos.size()), entry.getKey().trim());
        }
        String good = client.upload(token, SharedMedia.clip("derived-cut-with-speech.mp4"), "good.mp4", "good");

        for (Map.Entry<String, String> video : videos.entrySet()) {
            JsonNode settled = client.awaitSettled(token, video.getKey(), Duration.ofSeconds(90));
            assertThat(settled.path("status").asText()).as("status of the %s upload", video.getValue()).isEqualTo("failed");
            assertThat(settled.path("error").asText()).as("message for the %s upload", video.getValue()).isNotBlank()
                    .doesNotContain("/").doesNotContainIgnoringCase("exception");
            assertThat(settled.path("hls").isNull()).as("nothing to play for %s", video.getValue()).isTrue();
        }
        JsonNode goodVideo = client.awaitSettled(token, good, Duration.ofSeconds(90));
        assertThat(goodVideo.path("status").asText()).as("the good video among the bad ones").isEqualTo("ready");
        // until the look at its pictures publishes it, only its creator gets its files
        assertThat(client.status(goodVideo.path("hls").asText(), token)).as("its master playlist").isEqualTo(200);
        assertThat(client.status("/health")).as("the server is still healthy").isEqualTo(200);
    }
}
