package org.pando.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pando.account.Account;
import org.pando.catalog.Video;
import org.pando.events.EventType;
import org.pando.events.Surface;
import org.pando.events.UserEvent;

/**
 * Builds events in the one schema from what the server knows (user, country and language from the profile,
 * creator from the catalog) and appends them durably.
 */
final class EventRecorder {
    private final Backend backend;
    private final Map<String, Long> lastSequence = new ConcurrentHashMap<>();

    EventRecorder(Backend backend) {
        this.backend = backend;
    }

    /** The sequence of the last event this user's requests appended; 0 when none since the server started. */
    long lastSequence(String userId) {
        return lastSequence.getOrDefault(userId, 0L);
    }

    /** An event about a video, its creator and the user's profile filled in. */
    UserEvent event(Account user, EventType type, Video video, Surface surface, long watchedMs, long durationMs, Instant at) {
        return new UserEvent(type, user.id(), video.id(), video.channelId(), surface, user.country(),
                user.primaryLanguage(), watchedMs, durationMs, at);
    }

    /** Records one server-side action (like, follow, comment) now. */
    void record(Account user, EventType type, Video video, Surface surface) {
        append(List.of(event(user, type, video, surface, 0, video.durationMs(), backend.clock().instant())));
    }

    /**
     * Records a follow; the video is the one being watched when it happened, absent when the follow came
     * from the channel page (the event then names the creator only).
     */
    void recordFollow(Account user, String channelId, Optional<Video> watching, Surface surface) {
        Instant now = backend.clock().instant();
        append(List.of(watching.map(v -> event(user, EventType.FOLLOW, v, surface, 0, v.durationMs(), now))
                .orElseGet(() -> new UserEvent(EventType.FOLLOW, user.id(), "", channelId, surface, user.country(),
                        user.primaryLanguage(), 0, 0, now))));
    }

    /** Appends a batch; returns once it is durable. */
    void append(List<UserEvent> events) {
        long last = backend.events().append(events);
        events.stream().map(UserEvent::userId).distinct().forEach(user -> lastSequence.merge(user, last, Math::max));
        backend.metrics().add("pando_events_total", "User events accepted", "", events.size());
        backend.eventsAppended().run();
    }
}
