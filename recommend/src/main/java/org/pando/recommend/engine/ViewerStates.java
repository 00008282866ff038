package org.pando.recommend.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pando.events.UserEvent;

/**
 * The engine's state of every viewer, looked up by user id. Accounts are all kept. Visitors without an account
 * cost nothing to make (a new browser, or a script that drops its cookie), so only the {@code maxVisitors} most
 * recently active are kept and the one longest idle is forgotten first; a forgotten visitor starts afresh, while
 * their events stay in the log. A visitor who made an account is carried over: their state becomes the
 * account's, and their events count for the account from then on.
 */
final class ViewerStates {
    private final Map<String, UserState> accounts = new ConcurrentHashMap<>();
    private final Map<String, UserState> visitors;
    /** Visitors who made an account: visitor id to account id. Guarded by {@code visitors}. */
    private final Map<String, String> carriedOver = new HashMap<>();

    ViewerStates(int maxVisitors) {
        this.visitors = Bounded.recentlyUsed(maxVisitors);
    }

    /** The viewer's state, made empty on first sight; for a visitor, also marks them as just active. */
    UserState get(String userId) {
        String id = userId;
        if (UserEvent.isVisitor(userId)) {
            synchronized (visitors) {
                String account = carriedOver.get(userId);
                if (account == null) {
                    return visitors.computeIfAbsent(userId, k -> new UserState());
                }
                id = account;
            }
        }
        return accounts.computeIfAbsent(id, k -> new UserState());
    }

    /**
     * The visitor made this account: what is known of the visitor joins what is known of the account (usually
     * nothing yet), and the visitor's later events are the account's.
     */
    void carryOver(String visitorId, String accountId) {
        synchronized (visitors) {
            carriedOver.put(visitorId, accountId);
            UserState visitor = visitors.remove(visitorId);
            if (visitor != null) {
                UserState account = accounts.putIfAbsent(accountId, visitor);
                if (account != null) {
                    synchronized (account) {
                        synchronized (visitor) {
                            account.absorb(visitor);
                        }
                    }
                }
            }
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
