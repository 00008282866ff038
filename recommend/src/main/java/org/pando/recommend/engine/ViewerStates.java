package org.pando.recommend.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pando.events.UserEvent;

/**
 * The engine's state of every viewer, looked up by user id. Accounts are all kept. Visitors without an account
 * cost nothing to make (a new browser, or a script that drops its cookie), so only the {@code maxVisitors} most
 * recently active are kept and the one longest idle is forgotten first; a forgotten visitor starts afresh, while
 * their events stay in the log.
 */
final class ViewerStates {
    private final Map<String, UserState> accounts = new ConcurrentHashMap<>();
    private final Map<String, UserState> visitors;

    ViewerStates(int maxVisitors) {
        this.visitors = Bounded.recentlyUsed(maxVisitors);
    }

    /** The viewer's state, made empty on first sight; for a visitor, also marks them as just active. */
    UserState get(String userId) {
        if (!UserEvent.isVisitor(userId)) {
            return accounts.computeIfAbsent(userId, k -> new UserState());
        }
        synchronized (visitors) {
            return visitors.computeIfAbsent(userId, k -> new UserState());
        }
    }

    /** How many visitors are kept. */
    int visitors() {
        synchronized (visitors) {
            return visitors.size();
        }
    }

    /** Every kept state, accounts and visitors, as of now. */
    List<UserState> all() {
        List<UserState> all = new ArrayList<>(accounts.values());
        synchronized (visitors) {
            all.addAll(visitors.values());
        }
        return all;
    }
}
