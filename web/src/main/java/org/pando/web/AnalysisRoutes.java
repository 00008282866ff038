package org.pando.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.pando.account.Account;
import org.pando.blobs.BlobInfo;
import org.pando.catalog.Video;
import org.pando.domain.InvalidInput;
import org.pando.pipeline.MediaLayout;
import org.pando.understanding.Captions;
import org.pando.understanding.Cue;
import org.pando.understanding.SlidePage;
import org.pando.understanding.Step;
import org.pando.understanding.StepState;
import org.pando.understanding.Topics;
import org.pando.understanding.Transcript;
import org.pando.understanding.VideoAnalysis;
import org.pando.understanding.VideoUnderstanding;
import org.pando.understanding.VisualFindings;

/**
 * What Pando understood of a video: the analysis and its progress per step (with what the pictures show: faces,
 * people, the NSFW score; and what the words are about: written language, suggested tags), the captions as WebVTT (which the creator may correct), the transcript with word
 * times, and the Video Slide pages.
 */
final class AnalysisRoutes implements HttpService {
    private final Backend backend;
    private final Callers callers;
    private final VisibleVideos videos;

    AnalysisRoutes(Backend backend, Callers callers) {
        this.backend = backend;
        this.callers = callers;
        this.videos = new VisibleVideos(backend);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/videos/{id}/analysis", this::analysis)
                .get("/api/v1/videos/{id}/captions.vtt", this::webVtt)
                .get("/api/v1/videos/{id}/captions", this::captions)
                .put("/api/v1/videos/{id}/captions", this::editCaptions)
                .get("/api/v1/videos/{id}/transcript", this::transcript);
    }

    private VideoAnalysis find(ServerRequest req) {
        Video video = videos.get(req, callers.optional(req));
        return backend.understanding().analysis(video.id()).orElseGet(() -> empty(video.id()));
    }

    private void analysis(ServerRequest req, ServerResponse res) {
        VideoAnalysis a = find(req);
        Map<String, Object> steps = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            StepState s = a.steps().getOrDefault(step, StepState.WAITING);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", step.label());
            json.put("status", s.status().wireName());
            json.put("progress", s.progress());
            json.put("error", s.error().orElse(null));
            steps.put(step.name().toLowerCase(Locale.ROOT), json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("video_id", a.videoId());
        json.put("steps", steps);
        json.put("language", a.language().orElse(null));
        json.put("loudness_lufs", Json.number(a.loudnessLufs()));
        json.put("normalised_lufs", Json.number(a.normalisedLufs()));
        json.put("has_captions", !a.captions().isEmpty());
        json.put("captions_edited", a.captionsEdited());
        List<Map<String, Object>> pages = new ArrayList<>();
        Set<String> pictures = backend.blobs().list(MediaLayout.renditions(a.videoId()) + "/" + VideoUnderstanding.PICTURES).stream()
                .map(BlobInfo::key).collect(Collectors.toSet());
        for (int i = 0; i < a.pages().size(); i++) {
            SlidePage p = a.pages().get(i);
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("start", p.start());
            page.put("end", p.end());
            page.put("text", p.text());
            page.put("frame_at", p.frameAt());
            String picture = (i + 1) + ".jpg";
            if (pictures.contains(MediaLayout.renditions(a.videoId()) + "/" + VideoUnderstanding.PICTURES + "/" + picture)) {
                page.put("picture", Views.MEDIA_PREFIX + a.videoId() + "/" + VideoUnderstanding.PICTURES + "/" + picture);
            }
            pages.add(page);
        }
        json.put("pages", pages);
        json.put("faces_found", a.visual().map(VisualFindings::facesFound).orElse(null));
        json.put("person_coverage", a.visual().map(v -> v.personCoverage().stream()
                .map(c -> Map.of("t", c.t(), "coverage", c.coverage())).toList()).orElse(List.of()));
        json.put("nsfw_max", a.visual().map(VisualFindings::nsfwMax).orElse(null));
        json.put("nsfw_max_at", a.visual().map(v -> Json.number(v.nsfwMaxAt())).orElse(null));
        json.put("poster", a.visual().flatMap(VisualFindings::poster).map(p -> Map.of("nsfw", p.nsfw(), "faces", p.faces(),
                "person_coverage", p.personCoverage())).orElse(null));
        json.put("written_language", a.topics().writtenLanguage().orElse(null));
        json.put("suggested_tags", a.topics().suggestedTags().stream()
                .map(t -> Map.of("tag", t.tag(), "similarity", t.similarity())).toList());
        json.put("notes", a.notes());
        Json.send(res, json);
    }

    private void webVtt(ServerRequest req, ServerResponse res) {
        VideoAnalysis a = find(req);
        res.header(HeaderNames.CONTENT_TYPE, "text/vtt; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-cache")
                .send(Captions.webVtt(a.captions()).getBytes(StandardCharsets.UTF_8));
    }

    private void captions(ServerRequest req, ServerResponse res) {
        VideoAnalysis a = find(req);
        Json.send(res, Map.of("edited", a.captionsEdited(), "cues", cues(a.captions())));
    }

    private void editCaptions(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Video video = videos.owned(req, account);
        JsonNode cues = Json.body(req).get("cues");
        if (cues == null || !cues.isArray()) {
            throw new InvalidInput("cues", "Send 'cues' as a list of {start, end, text}.");
        }
        List<Cue> edited = new ArrayList<>();
        for (JsonNode c : cues) {
            if (!c.path("start").isNumber() || !c.path("end").isNumber() || !c.path("text").isTextual()) {
                throw new InvalidInput("cues", "Each cue needs 'start' and 'end' in seconds and 'text'.");
            }
            edited.add(new Cue(c.get("start").asDouble(), c.get("end").asDouble(), c.get("text").asText()));
        }
        backend.understanding().editCaptions(video.id(), edited);
        res.status(Status.NO_CONTENT_204).send();
    }

    private void transcript(ServerRequest req, ServerResponse res) {
        VideoAnalysis a = find(req);
        Json.send(res, Map.of("language", a.transcript().language(), "text", a.transcript().text(),
                "words", a.transcript().words().stream().map(w -> Map.of("start", w.start(), "end", w.end(), "text", w.text()))
                        .toList()));
    }

    private static List<Map<String, Object>> cues(List<Cue> cues) {
        return cues.stream().<Map<String, Object>>map(c -> Map.of("start", c.start(), "end", c.end(), "text", c.text())).toList();
    }

    private static VideoAnalysis empty(String videoId) {
        return new VideoAnalysis(videoId, Map.of(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                new Transcript("und", List.of()), List.of(), false, List.of(), Topics.NONE, Optional.empty(), List.of());
    }
}
