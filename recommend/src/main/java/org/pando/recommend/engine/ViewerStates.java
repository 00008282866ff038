package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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

    /** Writes every viewer: accounts, visitors from the longest idle, and the visitors carried over to accounts. */
    void writeTo(DataOutput out) throws IOException {
        out.writeInt(accounts.size());
        for (Map.Entry<String, UserState> e : accounts.entrySet()) {
            write(out, e.getKey(), e.getValue());
        }
        synchronized (visitors) {
            out.writeInt(visitors.size());
            for (Map.Entry<String, UserState> e : visitors.entrySet()) {
                write(out, e.getKey(), e.getValue());
            }
            out.writeInt(carriedOver.size());
            for (Map.Entry<String, String> e : carriedOver.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        }
    }

    /** Reads what {@link #writeTo} wrote into these empty states. */
    void readFrom(DataInput in) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            String id = in.readUTF();
            accounts.put(id, read(in));
        }
        synchronized (visitors) {
            for (int i = in.readInt(); i > 0; i--) {
                String id = in.readUTF();
                visitors.put(id, read(in));
            }
            for (int i = in.readInt(); i > 0; i--) {
                String visitor = in.readUTF();
                carriedOver.put(visitor, in.readUTF());
            }
        }
    }

    private static void write(DataOutput out, String id, UserState state) throws IOException {
        out.writeUTF(id);
        synchronized (state) {
            state.writeTo(out);
        }
    }

    private static UserState read(DataInput in) throws IOException {
        UserState state = new UserState();
        state.readFrom(in);
        return state;
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
