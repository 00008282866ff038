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
 * Builds events in the one schema from what the server knows (user, country and language from the profile or
 * the visitor's browser, creator from the catalog) and appends them durably.
 */
final class EventRecorder {
    /**
     * Most users whose last sequence is remembered; beyond it the memory starts over, which only means a few
     * feeds are served without waiting for their viewer's latest events (visitors are many and anonymous).
     */
    private static final int MAX_REMEMBERED = 100_000;

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
    UserEvent event(EventAuthor author, EventType type, Video video, Surface surface, long watchedMs, long durationMs, Instant at) {
        return new UserEvent(type, author.userId(), video.id(), video.channelId(), surface, author.country(),
                author.language(), watchedMs, durationMs, at);
    }

    /** Records one server-side action (like, follow, comment) now. */
    void record(Account user, EventType type, Video video, Surface surface) {
        append(List.of(event(EventAuthor.of(user), type, video, surface, 0, video.durationMs(), backend.clock().instant())));
    }

    /**
     * Records a follow; the video is the one being watched when it happened, absent when the follow came
     * from the channel page (the event then names the creator only).
     */
    void recordFollow(Account user, String channelId, Optional<Video> watching, Surface surface) {
        Instant now = backend.clock().instant();
        append(List.of(watching.map(v -> event(EventAuthor.of(user), EventType.FOLLOW, v, surface, 0, v.durationMs(), now))
                .orElseGet(() -> new UserEvent(EventType.FOLLOW, user.id(), "", channelId, surface, user.country(),
                        user.primaryLanguage(), 0, 0, now))));
    }

    /** Appends a batch; returns once it is durable. */
    void append(List<UserEvent> events) {
        long last = backend.events().append(events);
        if (lastSequence.size() > MAX_REMEMBERED) {
            lastSequence.clear();
        }
        events.stream().map(UserEvent::userId).distinct().forEach(user -> lastSequence.merge(user, last, Math::max));
        backend.metrics().add("pando_events_total", "User events accepted", "", events.size());
        backend.eventsAppended().run();
    }
}
