package org.pando.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.pando.account.NotSignedIn;
import org.pando.catalog.Video;
import org.pando.domain.InvalidInput;
import org.pando.events.EventType;
import org.pando.events.Surface;
import org.pando.events.UserEvent;

/**
 * {@code POST /api/v1/events}: batches of what the player and the feed saw. User, country and language
 * come from the session and profile, never from the body. A browser without an account sends as a visitor
 * (see {@link Callers#eventAuthor}), and only what watching produces. The batch is all-or-nothing: one bad event
 * refuses it with the index of the culprit, and nothing is stored.
 */
final class EventRoutes implements HttpService {
    private static final Duration PAST_LIMIT = Duration.ofDays(7);
    private static final Duration FUTURE_LIMIT = Duration.ofMinutes(5);
    private static final long MAX_MS = Duration.ofDays(1).toMillis();
    /** What a visitor's browser may report: watching, and turning videos down; the rest needs an account. */
    private static final Set<EventType> VISITOR_TYPES = EnumSet.of(EventType.IMPRESSION, EventType.PLAY, EventType.PROGRESS,
            EventType.COMPLETE, EventType.SKIP, EventType.NOT_INTERESTED, EventType.SHARE);

    private final Backend backend;
    private final Callers callers;
    private final EventRecorder recorder;
    private final WebConfig config;

    EventRoutes(Backend backend, Callers callers, EventRecorder recorder, WebConfig config) {
        this.backend = backend;
        this.callers = callers;
        this.recorder = recorder;
        this.config = config;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/v1/events", this::ingest);
    }

    private void ingest(ServerRequest req, ServerResponse res) {
        EventAuthor author = callers.eventAuthor(req, res);
        List<SentEvents.Sent> events = SentEvents.read(req, config.maxEventBatch());
        Instant now = backend.clock().instant();
        // the batch's videos at once; those the author may not see are left out, as if there were none
        Set<String> named = new HashSet<>();
        events.forEach(e -> named.add(e.path("video").asText("")));
        Map<String, Video> videos = backend.videos().findAllCached(named);
        videos.values().removeIf(v -> !backend.videos().visibleTo(v, author.account()));
        List<UserEvent> batch = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            batch.add(parse(author, events.get(i), i, now, videos));
        }
        recorder.append(batch);
        Json.send(res, Status.ACCEPTED_202, Map.of("accepted", batch.size()));
    }

    private UserEvent parse(EventAuthor author, SentEvents.Sent e, int index, Instant now, Map<String, Video> videos) {
        String where = "events[" + index + "]";
        EventType type = EventType.ofWireName(e.path("type").asText(""))
                .orElseThrow(() -> new InvalidInput("type", where + ".type must be one of impression, play, progress, "
                        + "complete, skip, not_interested, like, unlike, follow, share, comment."));
        if (author.visitor() && !VISITOR_TYPES.contains(type)) {
            throw new NotSignedIn();
        }
        Video video = videos.get(e.path("video").asText(""));
        if (video == null) {
            throw new InvalidInput("video", where + ".video names no video.");
        }
        Surface surface = Surface.ofWireName(e.path("surface").asText("external"))
                .orElseThrow(() -> new InvalidInput("surface", where + ".surface must be one of for-you, following, "
                        + "local, related, search, channel, external."));
        long watched = millis(e, "watched_ms", where);
        long sent = millis(e, "duration_ms", where);
        // the catalogue's length once the file is probed: a player's claim could stretch the statistics' retention
        long duration = video.durationMs() > 0 ? video.durationMs() : sent;
        Instant at = timestamp(e, where, now);
        UserEvent event = recorder.event(author, type, video, surface, watched, duration, at);
        return type == EventType.IMPRESSION ? event.withPropensity(propensity(e, where)) : event;
    }

    private static OptionalDouble propensity(SentEvents.Sent e, String where) {
        JsonNode value = e.get("propensity");
        if (value == null || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber() || !(value.asDouble() > 0 && value.asDouble() <= 1)) {
            throw new InvalidInput("propensity", where + ".propensity must be a probability above 0 and at most 1.");
        }
        return OptionalDouble.of(value.asDouble());
    }

    private static long millis(SentEvents.Sent e, String field, String where) {
        JsonNode value = e.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToLong() || value.asLong() < 0 || value.asLong() > MAX_MS) {
            throw new InvalidInput(field, where + "." + field + " must be milliseconds from 0 to one day.");
        }
        return value.asLong();
    }

    private static Instant timestamp(SentEvents.Sent e, String where, Instant now) {
        Optional<JsonNode> ts = Optional.ofNullable(e.get("ts")).filter(n -> !n.isNull());
        if (ts.isEmpty()) {
            return now;
        }
        if (!ts.get().canConvertToLong()) {
            throw new InvalidInput("ts", where + ".ts must be epoch milliseconds.");
        }
        Instant at = Instant.ofEpochMilli(ts.get().asLong());
        if (at.isBefore(now.minus(PAST_LIMIT)) || at.isAfter(now.plus(FUTURE_LIMIT))) {
            throw new InvalidInput("ts", where + ".ts is more than 7 days old or in the future; check the device clock.");
        }
        return at;
    }
}
