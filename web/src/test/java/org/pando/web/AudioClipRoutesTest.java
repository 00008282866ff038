package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pando.catalog.Publication;
import org.pando.catalog.Video;
import org.pando.catalog.VideoKind;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** A video's kind in the API: an audio clip's waveform is its poster and it has no storyboard. */
class AudioClipRoutesTest extends InMemoryRoutes {
    AudioClipRoutesTest(DirectClient client) {
        super(client);
    }

    /** What the API says of a ready upload of one kind. */
    private record Shape(VideoKind kind, String wire, String poster, boolean waveform, boolean storyboard) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape(VideoKind.VIDEO, "video", "/poster.jpg", false, true),
            new Shape(VideoKind.AUDIO, "audio", "/waveform.png", true, false));

    @Test
    void everyListingSaysTheKindAndShowsAnAudioClipByItsWaveform() {
        Caller owner = api.signUp(ApiCalls.uniqueName("pod"));
        for (Shape shape : SHAPES) {
            Video video = probedAndReady(owner, shape.kind(), "A " + shape.wire());
            String media = "/media/" + video.id();

            JsonNode json = api.get("/api/v1/videos/" + video.id()).send().expect(200).json();
            assertThat(json.path("kind").asText()).as("kind of %s", json).isEqualTo(shape.wire());
            assertThat(json.path("poster").asText()).as("poster of %s", json).isEqualTo(media + shape.poster());
            assertThat(json.path("waveform").isNull()).as("waveform of %s is null", json).isEqualTo(!shape.waveform());
            if (shape.waveform()) {
                assertThat(json.path("waveform").asText()).as("waveform of %s", json).isEqualTo(media + "/waveform.png");
            }
            assertThat(json.path("storyboard").isNull()).as("storyboard of %s is null", json).isEqualTo(!shape.storyboard());
            assertThat(json.path("embed_url").asText()).as("embed_url of %s", json).isEqualTo("/embed/" + video.id());

            JsonNode listed = api.get("/api/v1/channels/" + owner.channel() + "/videos").send().expect(200).json().path("items");
            assertThat(listed.findValues("id").stream().map(JsonNode::asText).toList()).as("channel listing %s", listed)
                    .contains(video.id());
            listed.forEach(item -> {
                if (item.path("id").asText().equals(video.id())) {
                    assertThat(item.path("kind").asText()).as("kind in the channel listing: %s", item).isEqualTo(shape.wire());
                    assertThat(item.path("poster").asText()).as("poster in the channel listing: %s", item).endsWith(shape.poster());
                }
            });
            Reply progress = api.get("/api/v1/videos/" + video.id() + "/progress").send().expect(200);
            assertThat(progress.text()).as("the progress stream of a ready %s", shape.wire())
                    .contains("\"kind\":\"" + shape.wire() + "\"");
        }
    }

    @Test
    void aVideoIsAVideoUntilItsUploadIsProbed() {
        Caller owner = api.signUp(ApiCalls.uniqueName("new"));
        Video video = ApiCalls.processingVideo(backend.backend, owner, "Not probed yet");

        JsonNode json = api.get("/api/v1/videos/" + video.id()).as(owner).send().expect(200).json();

        assertThat(json.path("kind").asText()).as("kind of %s", json).isEqualTo("video");
        assertThat(json.path("poster").isNull()).as("no poster before it is ready: %s", json).isTrue();
        assertThat(json.path("waveform").isNull()).as("no waveform before it is ready: %s", json).isTrue();
    }

    private Video probedAndReady(Caller owner, VideoKind kind, String title) {
        Video video = ApiCalls.processingVideo(backend.backend, owner, title);
        backend.backend.videos().probed(video.id(), kind, 11_000, kind == VideoKind.AUDIO ? 0 : 768,
                kind == VideoKind.AUDIO ? 0 : 432);
        backend.backend.videos().ready(video.id());
        backend.backend.videos().publication(video.id(), Publication.PUBLISHED);
        return backend.backend.videos().get(video.id());
    }
}
