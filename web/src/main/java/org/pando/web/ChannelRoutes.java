package org.pando.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.catalog.Channel;
import org.pando.catalog.ChannelEdit;
import org.pando.catalog.ChannelLink;
import org.pando.catalog.ChannelPicture;
import org.pando.catalog.Video;
import org.pando.domain.InvalidInput;
import org.pando.events.Surface;

/** Channels: their page, their videos, creating and editing one, its pictures, following. */
final class ChannelRoutes implements HttpService {
    private final Backend backend;
    private final Callers callers;
    private final EventRecorder recorder;

    ChannelRoutes(Backend backend, Callers callers, EventRecorder recorder) {
        this.backend = backend;
        this.callers = callers;
        this.recorder = recorder;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/v1/channels", this::create)
                .get("/api/v1/channels/{handle}", this::channel)
                .patch("/api/v1/channels/{handle}", this::edit)
                .get("/api/v1/channels/{handle}/videos", this::videos)
                .post("/api/v1/channels/{handle}/follow", this::follow)
                .delete("/api/v1/channels/{handle}/follow", this::unfollow)
                .put("/api/v1/channels/{handle}/avatar", (req, res) -> replacePicture(req, res, ChannelPicture.AVATAR))
                .delete("/api/v1/channels/{handle}/avatar", (req, res) -> removePicture(req, res, ChannelPicture.AVATAR))
                .put("/api/v1/channels/{handle}/banner", (req, res) -> replacePicture(req, res, ChannelPicture.BANNER))
                .delete("/api/v1/channels/{handle}/banner", (req, res) -> removePicture(req, res, ChannelPicture.BANNER));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        JsonNode body = Json.body(req);
        Channel channel = backend.channels().create(account.id(), Json.text(body, "handle"),
                Json.optionalText(body, "display_name").orElse(Json.text(body, "handle")),
                Json.optionalText(body, "description").orElse(""));
        Json.send(res, Status.CREATED_201, Views.channel(channel));
    }

    private void edit(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        JsonNode body = Json.body(req);
        Channel edited = backend.channels().edit(account.id(), handle(req), new ChannelEdit(
                Json.optionalText(body, "display_name"), Json.optionalText(body, "description"), links(body)));
        Json.send(res, owned(edited));
    }

    /** The links of an edit: a list of objects with a {@code url} and an optional {@code label}. */
    private static Optional<List<ChannelLink>> links(JsonNode body) {
        JsonNode links = body.get("links");
        if (links == null || links.isNull()) {
            return Optional.empty();
        }
        if (!links.isArray()) {
            throw new InvalidInput("links", "Send 'links' as a list of objects with a 'url' and a 'label'.");
        }
        List<ChannelLink> read = new ArrayList<>();
        for (JsonNode link : links) {
            if (!link.isObject()) {
                throw new InvalidInput("links", "Send 'links' as a list of objects with a 'url' and a 'label'.");
            }
            read.add(new ChannelLink(Json.optionalText(link, "label").orElse(""), Json.text(link, "url")));
        }
        return Optional.of(read);
    }

    private void replacePicture(ServerRequest req, ServerResponse res, ChannelPicture kind) {
        Account account = callers.required(req);
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!type.startsWith("image/")) {
            throw new RequestRejected(RequestRejected.Reason.UNSUPPORTED, "picture-content-type",
                    "Send the picture's file as the body, with its image/... Content-Type.");
        }
        Channel changed;
        try (InputStream body = req.content().inputStream()) {
            changed = backend.artwork().replace(account.id(), handle(req), kind, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Json.send(res, owned(changed));
    }

    private void removePicture(ServerRequest req, ServerResponse res, ChannelPicture kind) {
        Account account = callers.required(req);
        Json.send(res, owned(backend.artwork().remove(account.id(), handle(req), kind)));
    }

    /** A channel as its owner sees it after changing it. */
    private static Map<String, Object> owned(Channel channel) {
        Map<String, Object> json = Views.channel(channel);
        json.put("owned", true);
        return json;
    }

    private static String handle(ServerRequest req) {
        return req.path().pathParameters().get("handle");
    }

    private Channel named(ServerRequest req) {
        return backend.channels().byHandle(handle(req));
    }

    private void channel(ServerRequest req, ServerResponse res) {
        Channel channel = named(req);
        Map<String, Object> json = Views.channel(channel);
        callers.optional(req).ifPresent(a -> {
            json.put("following", backend.channels().isFollowing(a.id(), channel.id()));
            json.put("owned", channel.ownerId().equals(a.id()));
        });
        Json.send(res, json);
    }

    private void videos(ServerRequest req, ServerResponse res) {
        Channel channel = named(req);
        Json.send(res, Views.videos(backend.videos().ofChannel(channel.id(), Query.cursor(req), Query.limit(req, 24)),
                new Views.ChannelCache(backend.channels())));
    }

    private void follow(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Channel channel = named(req);
        if (backend.channels().follow(account.id(), channel.id())) {
            Optional<Video> from = Query.text(req, "video").flatMap(backend.videos()::find)
                    .filter(v -> v.channelId().equals(channel.id()));
            recorder.recordFollow(account, channel.id(), from,
                    Query.text(req, "surface").flatMap(Surface::ofWireName).orElse(Surface.CHANNEL));
        }
        sendFollowers(res, channel, true);
    }

    private void unfollow(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Channel channel = named(req);
        backend.channels().unfollow(account.id(), channel.id());
        sendFollowers(res, channel, false);
    }

    private void sendFollowers(ServerResponse res, Channel channel, boolean following) {
        Json.send(res, Map.of("following", following, "followers", backend.channels().byId(channel.id()).followers()));
    }
}
