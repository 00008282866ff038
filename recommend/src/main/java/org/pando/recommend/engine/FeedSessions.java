package org.pando.recommend.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pando.domain.InvalidInput;
import org.pando.domain.RandomIds;

/**
 * The pages of one scroll through a ranked feed. Every page is ranked afresh, so what the viewer did on the
 * previous page already counts, and the session remembers what it served so nothing repeats. The cursor
 * names the session and how far it went; the newest sessions are kept, a forgotten one starts over.
 */
final class FeedSessions {
    private static final String PREFIX = "s:";
    private final Map<String, Set<String>> sessions;

    FeedSessions(int max) {
        this.sessions = Bounded.recentlyUsed(max);
    }

    /** The session a cursor names (a new one when it has been forgotten), or a new session without a cursor. */
    synchronized Session resume(Optional<String> cursor) {
        String id = cursor.map(FeedSessions::parse).orElseGet(RandomIds::id);
        Set<String> served = sessions.computeIfAbsent(id, k -> new LinkedHashSet<>());
        return new Session(id, Set.copyOf(served));
    }

    /** Remembers what a page served; returns the cursor of the next page. */
    synchronized String served(Session session, Iterable<String> videos) {
        Set<String> served = sessions.computeIfAbsent(session.id(), k -> new LinkedHashSet<>());
        videos.forEach(served::add);
        String raw = PREFIX + session.id() + ":" + served.size();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String parse(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length == 3 && raw.startsWith(PREFIX) && !parts[1].isEmpty() && raw.length() < 64) {
                return parts[1];
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new InvalidInput("cursor", "The cursor is not one this feed gave out; start again without it.");
    }

    /**
     * A scroll session.
     *
     * @param id     its id
     * @param served the videos served by its earlier pages
     */
    record Session(String id, Set<String> served) {
    }
}
