package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pando.catalog.Video;
import org.pando.media.SharedMedia;
import org.pando.understanding.AnalysisIncomplete;
import org.pando.understanding.VideoUnderstanding;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/**
 * A video's analysis through the API: steps while waiting, a real analysis of a shared clip whose speech
 * step fails (this backend has no speech model) while the other steps' findings are kept (among them what the
 * pictures show: the parking lot, then from 5 s the room where a woman stands), and captions only its creator
 * may correct.
 */
class AnalysisRoutesTest extends InMemoryRoutes {
    AnalysisRoutesTest(DirectClient client) {
        super(client);
    }

    @Test
    void showsEachStepAndKeepsWhatTheOtherStepsFoundWhenOneFails() throws Exception {
        Caller owner = api.signUp(ApiCalls.uniqueName("slide"), Map.of());
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Parking lot, then a room");
        String base = "/api/v1/videos/" + video.id();

        JsonNode before = api.get(base + "/analysis").send().expect(200).json();
        assertThat(before.path("steps").path("speech").path("status").asText()).as("before any analysis: %s", before)
                .isEqualTo("waiting");
        backend.understanding.queued(video.id());

        Path work = Files.createTempDirectory("analysis");
        Path pictures = backend.dir.resolve("media").resolve(video.id()).resolve(VideoUnderstanding.PICTURES);
        Optional<Path> portrait = Optional.of(SharedMedia.clip("obama.jpg"));
        assertThatThrownBy(() -> backend.understanding.analyse(video.id(), SharedMedia.clip("derived-cut-with-speech.mp4"),
                portrait, work, pictures))
                .as("the analysis reports the failed step so the job is retried").isInstanceOf(AnalysisIncomplete.class);

        JsonNode analysis = api.get(base + "/analysis").send().expect(200).json();
        JsonNode steps = analysis.path("steps");
        assertThat(steps.path("speech").path("status").asText()).as("speech without a model: %s", analysis).isEqualTo("failed");
        assertThat(steps.path("speech").path("error").asText()).as("why speech failed").contains("speech model is missing");
        for (String done : List.of("probe", "loudness", "scenes", "pages", "frames")) {
            assertThat(steps.path(done).path("status").asText()).as("step %s in %s", done, analysis).isEqualTo("done");
        }
        assertThat(analysis.path("loudness_lufs").asDouble()).as("measured loudness").isBetween(-17.0, -15.0);
        assertThat(analysis.path("normalised_lufs").asDouble()).as("normalised loudness").isBetween(-15.0, -13.0);
        assertThat(analysis.path("pages").findValuesAsText("start")).as("pages: %s", analysis.path("pages"))
                .anySatisfy(start -> assertThat(Double.parseDouble(start)).isBetween(4.8, 5.2));
        for (JsonNode page : analysis.path("pages")) {
            String picture = page.path("picture").asText();
            assertThat(picture).as("each page's picture: %s", page).startsWith("/media/" + video.id() + "/pages/");
            assertThat(pictures.resolve(picture.substring(picture.lastIndexOf('/') + 1))).as("picture file of %s", page)
                    .isNotEmptyFile();
            assertThat(page.path("frame_at").asDouble()).as("picture taken inside its page %s", page)
                    .isBetween(page.path("start").asDouble(), page.path("end").asDouble());
        }
        assertThat(analysis.path("has_captions").asBoolean()).isFalse();
        assertThat(analysis.path("steps").path("frames").path("label").asText()).isEqualTo("Looking at the pictures");
        JsonNode coverage = analysis.path("person_coverage");
        assertThat(coverage).as("one coverage a second of the 11 s clip: %s", coverage).hasSizeBetween(11, 12);
        assertThat(coverage.get(2).path("coverage").asDouble()).as("the empty parking lot at 2 s: %s", coverage).isLessThan(0.01);
        assertThat(coverage.get(8).path("coverage").asDouble()).as("the woman at the table at 8 s: %s", coverage).isGreaterThan(0.05);
        assertThat(analysis.path("faces_found").isInt()).as("faces found: %s", analysis).isTrue();
        assertThat(analysis.path("nsfw_max").asDouble()).as("the highest NSFW score").isBetween(0.0, 0.2);
        assertThat(analysis.path("nsfw_max_at").asDouble()).as("when").isBetween(0.0, 11.0);
        JsonNode poster = analysis.path("poster");
        assertThat(poster.path("faces").asInt()).as("the portrait given as the poster is looked at on its own: %s", poster)
                .isGreaterThanOrEqualTo(1);
        assertThat(poster.path("nsfw").asDouble()).as("its NSFW score: %s", poster).isBetween(0.0, 0.2);
        assertThat(api.get(base + "/captions.vtt").send().expect(200).text()).as("no cues yet").isEqualTo("WEBVTT\n");
    }

    @Test
    void anAudioClipsPictureStepsAreSkippedNotFailedAndItsPagesHaveNoPictures() throws Exception {
        Caller owner = api.signUp(ApiCalls.uniqueName("voice"), Map.of());
        Video clip = ApiCalls.readyVideo(backend.backend, owner, "Ask not");
        backend.understanding.queued(clip.id());
        Path pictures = backend.dir.resolve("media").resolve(clip.id()).resolve(VideoUnderstanding.PICTURES);

        assertThatThrownBy(() -> backend.understanding.analyse(clip.id(), SharedMedia.clip("jfk.wav"), Optional.empty(),
                Files.createTempDirectory("analysis"), pictures))
                .as("only the speech step, without its model here, fails").isInstanceOf(AnalysisIncomplete.class)
                .hasMessageContaining("Transcribing speech").hasMessageNotContaining("pictures").hasMessageNotContaining("scene");

        JsonNode analysis = api.get("/api/v1/videos/" + clip.id() + "/analysis").send().expect(200).json();
        JsonNode steps = analysis.path("steps");
        for (String skipped : List.of("scenes", "frames")) {
            assertThat(steps.path(skipped).path("status").asText()).as("step %s of an audio clip in %s", skipped, analysis)
                    .isEqualTo("skipped");
            assertThat(steps.path(skipped).path("error").isNull()).as("step %s has no error", skipped).isTrue();
        }
        for (String done : List.of("probe", "loudness", "pages")) {
            assertThat(steps.path(done).path("status").asText()).as("step %s in %s", done, analysis).isEqualTo("done");
        }
        assertThat(analysis.path("normalised_lufs").asDouble()).as("normalised loudness").isBetween(-15.0, -13.0);
        assertThat(analysis.path("pages").findValues("picture")).as("no page pictures without a picture").isEmpty();
        assertThat(analysis.path("faces_found").isNull()).as("no faces to find in sound: %s", analysis).isTrue();
        assertThat(pictures).as("no pictures folder for an audio clip").doesNotExist();
    }

    @Test
    void onlyTheCreatorCorrectsCaptionsAndBadCuesAreRefusedWithAReason() {
        Caller owner = api.signUp(ApiCalls.uniqueName("capt"), Map.of());
        Caller stranger = api.signUp(ApiCalls.uniqueName("other"), Map.of());
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Captions");
        String captions = "/api/v1/videos/" + video.id() + "/captions";
        Map<String, Object> good = Map.of("cues", List.of(Map.of("start", 0.5, "end", 2.2, "text", "And so, my fellow Americans"),
                Map.of("start", 5.4, "end", 7.6, "text", "ask not what your country can do for you")));

        api.put(captions).json(good).send().expectProblem(401, "not-signed-in");
        api.put(captions).as(stranger).json(good).send().expectProblem(403, "not-allowed");
        api.put(captions).as(owner).json(Map.of("cues", List.of(Map.of("start", 3, "end", 2, "text", "backwards"))))
                .send().expectProblem(400, "captions-rejected");
        api.put(captions).as(owner).json(Map.of("cues", List.of(Map.of("start", 0, "end", 2, "text", "a"),
                Map.of("start", 1, "end", 3, "text", "overlap")))).send().expectProblem(400, "captions-rejected");
        api.put(captions).as(owner).json(Map.of("cues", "none")).send().expectProblem(400, "invalid-cues");

        api.put(captions).as(owner).json(good).send().expect(204);
        Reply vtt = api.get(captions + ".vtt").send().expect(200);
        assertThat(vtt.header("Content-Type").orElse("")).startsWith("text/vtt");
        assertThat(vtt.text()).as("the corrected captions as WebVTT").isEqualTo("""
                WEBVTT

                1
                00:00:00.500 --> 00:00:02.200
                And so, my fellow Americans

                2
                00:00:05.400 --> 00:00:07.600
                ask not what your country can do for you
                """);
        JsonNode json = api.get(captions).send().expect(200).json();
        assertThat(json.path("edited").asBoolean()).isTrue();
        assertThat(json.path("cues")).hasSize(2);
    }
}
