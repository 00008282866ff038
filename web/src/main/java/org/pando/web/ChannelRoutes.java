package org.pando.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.catalog.Channel;
import org.pando.catalog.Video;
import org.pando.events.Surface;

/** Channels: their page, their videos, creating one, following. */
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
                .get("/api/v1/channels/{handle}/videos", this::videos)
                .post("/api/v1/channels/{handle}/follow", this::follow)
                .delete("/api/v1/channels/{handle}/follow", this::unfollow);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        JsonNode body = Json.body(req);
        Channel channel = backend.channels().create(account.id(), Json.text(body, "handle"),
                Json.optionalText(body, "display_name").orElse(Json.text(body, "handle")),
                Json.optionalText(body, "description").orElse(""));
        Json.send(res, Status.CREATED_201, Views.channel(channel));
    }

    private Channel named(ServerRequest req) {
        return backend.channels().byHandle(req.path().pathParameters().get("handle"));
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
