package org.pando.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.catalog.Channel;
import org.pando.catalog.Comment;
import org.pando.catalog.Video;
import org.pando.catalog.VideoStatus;
import org.pando.domain.InvalidInput;
import org.pando.domain.Page;
import org.pando.events.EventType;
import org.pando.events.Surface;

/**
 * A video, its processing progress as server-sent events, likes and comments.
 *
 * <p>A video that is not published (processing, being checked, held for review or rejected) is visible only to its
 * owner and moderators, who also see its review: why it is held, and the moderator's decision and note.
 */
final class VideoRoutes implements HttpService {
    private static final Duration PROGRESS_POLL = Duration.ofMillis(400);
    private static final Duration PROGRESS_KEEPALIVE = Duration.ofSeconds(15);
    private static final Duration PROGRESS_MAX = Duration.ofHours(6);

    private final Backend backend;
    private final Callers callers;
    private final EventRecorder recorder;
    private final WebConfig config;
    private final VisibleVideos videos;

    VideoRoutes(Backend backend, Callers callers, EventRecorder recorder, WebConfig config) {
        this.backend = backend;
        this.videos = new VisibleVideos(backend);
        this.callers = callers;
        this.recorder = recorder;
        this.config = config;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/videos/{id}", this::video)
                .get("/api/v1/videos/{id}/progress", this::progress)
                .post("/api/v1/videos/{id}/like", this::like)
                .delete("/api/v1/videos/{id}/like", this::unlike)
                .put("/api/v1/videos/{id}/tags", this::tags)
                .get("/api/v1/videos/{id}/comments", this::comments)
                .post("/api/v1/videos/{id}/comments", this::comment)
                .delete("/api/v1/comments/{id}", this::deleteComment);
    }

    private Video visible(ServerRequest req, Optional<Account> viewer) {
        return videos.get(req, viewer);
    }

    private void video(ServerRequest req, ServerResponse res) {
        Optional<Account> viewer = callers.optional(req);
        Video video = visible(req, viewer);
        Channel channel = backend.channels().byId(video.channelId());
        Map<String, Object> json = Views.video(video, channel);
        json.put("skip_threshold_ms", config.skipThreshold().toMillis());
        json.put("tags", backend.tags().of(video.id()));
        viewer.ifPresent(a -> {
            json.put("liked", backend.social().likes(a.id(), video.id()));
            json.put("following", backend.channels().isFollowing(a.id(), channel.id()));
            json.put("owned", channel.ownerId().equals(a.id()));
            if (a.moderates()) {
                backend.reviews().standing(video.id()).ifPresent(r -> json.put("review", Views.review(r, true)));
            } else if (channel.ownerId().equals(a.id()) && video.publication().moderated()) {
                backend.reviews().standingForCreator(video.id()).ifPresent(r -> json.put("review", Views.review(r, false)));
            }
        });
        Json.send(res, json);
    }

    /** The owner replaces the video's tags; the answer is the tags as kept. */
    private void tags(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Video video = videos.owned(req, account);
        JsonNode tags = Json.body(req).get("tags");
        if (tags == null || !tags.isArray()) {
            throw new InvalidInput("tags", "Send 'tags' as a list of words.");
        }
        List<String> given = new ArrayList<>();
        for (JsonNode tag : tags) {
            if (!tag.isTextual()) {
                throw new InvalidInput("tags", "Each tag is a string.");
            }
            given.add(tag.asText());
        }
        List<String> kept = backend.tags().replace(account.id(), video.id(), given);
        Json.send(res, Map.of("tags", kept));
    }

    /** Streams status and progress until the video is ready or failed (the uploader's progress bar). */
    private void progress(ServerRequest req, ServerResponse res) {
        Optional<Account> viewer = callers.optional(req);
        String id = visible(req, viewer).id();
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        Instant deadline = backend.clock().instant().plus(PROGRESS_MAX);
        Instant lastWrite = Instant.EPOCH;
        String last = "";
        try (OutputStream out = res.outputStream()) {
            while (backend.clock().instant().isBefore(deadline)) {
                Video video = backend.videos().get(id);
                String json = Json.MAPPER.writeValueAsString(progressView(video));
                Instant now = backend.clock().instant();
                if (!json.equals(last)) {
                    write(out, "event: progress\ndata: " + json + "\n\n");
                    last = json;
                    lastWrite = now;
                } else if (Duration.between(lastWrite, now).compareTo(PROGRESS_KEEPALIVE) > 0) {
                    write(out, ": keep-alive\n\n");
                    lastWrite = now;
                }
                if (video.status() != VideoStatus.PROCESSING) {
                    break;
                }
                Thread.sleep(PROGRESS_POLL.toMillis());
            }
        } catch (IOException | UncheckedIOException e) {
            // the page went away; nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> progressView(Video v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", v.status().wireName());
        json.put("kind", v.kind().wireName());
        json.put("publication", v.publication().wireName());
        json.put("progress", Math.round(v.progress() * 1000) / 1000.0);
        json.put("playable", v.playable());
        json.put("hls", v.playable() ? Views.MEDIA_PREFIX + v.id() + "/master.m3u8" : null);
        v.error().ifPresent(e -> json.put("error", e));
        return json;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void like(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Video video = visible(req, Optional.of(account));
        if (backend.social().like(account.id(), video.id())) {
            recorder.record(account, EventType.LIKE, video, surface(req));
        }
        sendLikes(res, video.id(), true);
    }

    private void unlike(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Video video = visible(req, Optional.of(account));
        if (backend.social().unlike(account.id(), video.id())) {
            recorder.record(account, EventType.UNLIKE, video, surface(req));
        }
        sendLikes(res, video.id(), false);
    }

    private void sendLikes(ServerResponse res, String videoId, boolean liked) {
        Json.send(res, Map.of("liked", liked, "likes", backend.videos().get(videoId).likes()));
    }

    private void comments(ServerRequest req, ServerResponse res) {
        Optional<Account> viewer = callers.optional(req);
        Video video = visible(req, viewer);
        boolean owner = viewer.filter(a -> backend.videos().ownedBy(video, a.id())).isPresent();
        Page<Comment> page = backend.social().comments(video.id(), Query.cursor(req), Query.limit(req, 20));
        Json.send(res, Views.page(page.items().stream()
                .map(c -> Views.comment(c, viewer.map(Account::id), owner)).toList(), page.nextCursor()));
    }

    private void comment(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Video video = visible(req, Optional.of(account));
        Comment comment = backend.social().comment(account, video.id(), Json.text(Json.body(req), "body"));
        recorder.record(account, EventType.COMMENT, video, surface(req));
        Json.send(res, Status.CREATED_201, Views.comment(comment, Optional.of(account.id()), false));
    }

    private void deleteComment(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        backend.social().deleteComment(account.id(), req.path().pathParameters().get("id"));
        res.status(Status.NO_CONTENT_204).send();
    }

    private static Surface surface(ServerRequest req) {
        return Query.text(req, "surface").flatMap(Surface::ofWireName).orElse(Surface.EXTERNAL);
    }
}
