package org.pando.recommend.engine;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.pando.events.EventType;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.Sequences;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.recommend.EngineSettings;

/**
 * Everything the engine learns from the event stream, changed by each event in order: trending counters,
 * co-occurrence, viewer states with their taste vectors (see {@link ViewerStates}), watch quantiles, per-video
 * watch quality, creator follower counts, the exposure ledger and the ranker's weights.
 */
final class EngineState implements Consumer<LoggedEvent> {
    private static final int CO_WATCH_HISTORY = 50;
    /** Partners counted per video, and the most similar of them a request reads per history video. */
    private static final int CO_WATCH_PARTNERS = 1000;
    private static final int CO_WATCH_NEIGHBOURS = 100;

    final Trending trending;
    final CoWatch coWatch = new CoWatch(10f, CO_WATCH_PARTNERS, CO_WATCH_NEIGHBOURS);
    final WatchQuantiles quantiles = new WatchQuantiles();
    final ExposureLedger exposure = new ExposureLedger();
    final LinearRanker ranker = new LinearRanker();
    final TasteModels taste;
    private final ViewerStates users;
    private final Map<String, double[]> quality = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> followers = new ConcurrentHashMap<>();
    private final AtomicLong valuedSinceFit = new AtomicLong();
    /** Where in the log the events applied end; waiters for an event are woken on it. */
    private final Object appliedLock = new Object();
    private volatile LogPosition applied = LogPosition.START;
    /**
     * The last event applied of each partition, which a checkpoint names so that it is read only against the log it
     * came from; changed only by the thread that applies events.
     */
    private UserEvent[] lastApplied = new UserEvent[0];

    EngineState(EngineSettings settings) {
        this.trending = new Trending(settings.trendingHalfLife());
        this.taste = new TasteModels(settings.factors(), settings.easeHead());
        this.users = new ViewerStates(settings.maxVisitors());
    }

    @Override
    public void accept(LoggedEvent logged) {
        UserEvent e = logged.event();
        trending.accept(e);
        if (e.type() == EventType.FOLLOW) {
            followers.computeIfAbsent(e.creatorId(), k -> new LongAdder()).increment();
        }
        if (!e.videoId().isEmpty()) {
            UserState user = user(e.userId());
            synchronized (user) {
                apply(user, e);
            }
        }
        applied(logged);
    }

    private void applied(LoggedEvent logged) {
        int partition = Sequences.partition(logged.sequence());
        if (partition >= lastApplied.length) {
            lastApplied = Arrays.copyOf(lastApplied, partition + 1);
        }
        lastApplied[partition] = logged.event();
        synchronized (appliedLock) {
            applied = applied.after(logged.sequence());
            appliedLock.notifyAll();
        }
    }

    /** The last event applied of each partition that has any, with its sequence; empty before any. */
    List<LoggedEvent> lastApplied() {
        List<LoggedEvent> last = new ArrayList<>();
        LogPosition position = applied;
        for (int p = 0; p < lastApplied.length; p++) {
            if (lastApplied[p] != null) {
                last.add(new LoggedEvent(position.sequence(p), lastApplied[p]));
            }
        }
        return last;
    }

    private void apply(UserState user, UserEvent e) {
        switch (e.type()) {
            case IMPRESSION -> {
                exposure.impression(e.videoId(), e.creatorId(), e.at());
                if (e.surface() == Surface.FOR_YOU) {
                    user.countImpression(e.creatorId(), day(e));
                }
            }
            case PLAY -> user.startView(e.videoId(), e.durationMs()).ifPresent(v -> finish(user, v.video(), v.durationMs(), v.watchedMs()));
            case PROGRESS -> {
                if (e.videoId().equals(user.watching)) {
                    user.watchedMs = Math.max(user.watchedMs, e.watchedMs());
                }
            }
            case COMPLETE -> {
                user.seen.add(e.videoId());
                endView(user, e, Math.max(e.watchedMs(), e.durationMs()));
            }
            case SKIP -> {
                user.seen.add(e.videoId());
                endView(user, e, e.watchedMs());
            }
            case NOT_INTERESTED -> {
                user.rejected.add(e.videoId());
                learn(user, e.videoId(), 0);
            }
            default -> {
                // what likes, shares and comments value is below; follows count per creator above
            }
        }
        ValuedVideos.Change change = user.valued.accept(e);
        if (change == ValuedVideos.Change.ADDED || change == ValuedVideos.Change.CHANGED) {
            changed(user, e.videoId(), change == ValuedVideos.Change.ADDED);
        } else if (change == ValuedVideos.Change.REMOVED) {
            user.tasteChanged();
        }
    }

    /** Ends the view of this event's video: the watch target is learned from the time watched. */
    private void endView(UserState user, UserEvent e, long watchedMs) {
        if (e.videoId().equals(user.watching)) {
            user.endView();
        }
        finish(user, e.videoId(), e.durationMs(), watchedMs);
    }

    private void finish(UserState user, String video, long durationMs, long watchedMs) {
        double target = quantiles.quantile(durationMs, watchedMs);
        quantiles.record(durationMs, watchedMs);
        quality.compute(video, (k, sums) -> {
            double[] s = sums == null ? new double[2] : sums;
            s[0] += target;
            s[1]++;
            return s;
        });
        learn(user, video, target);
    }

    private void learn(UserState user, String video, double target) {
        double[] features = user.served.remove(video);
        if (features != null) {
            ranker.learn(features, target);
        }
    }

    /** A valued video's weight changed: a new one is paired with the viewer's earlier ones; the taste goes stale. */
    private void changed(UserState user, String video, boolean isNew) {
        if (isNew) {
            coWatch.add(user.valued.newest(CO_WATCH_HISTORY + 1), video);
            valuedSinceFit.incrementAndGet();
        }
        user.tasteChanged();
    }

    /**
     * Folds the viewer's taste in again if their valued videos or the models changed since it was; the caller holds
     * {@code user}'s lock.
     */
    void refreshTaste(UserState user) {
        TasteModels.Snapshot snapshot = taste.current();
        if (snapshot != null && user.tasteVersion != snapshot.version()) {
            user.taste = user.valued.isEmpty() ? null : snapshot.foldIn(user.valued.weights());
            user.tasteVersion = snapshot.version();
        }
    }

    /**
     * Writes everything learned from the events up to {@link #lastApplied()}, the latest fit of the taste models
     * with it; call it between two events (from the thread that applies them, or with it stopped).
     */
    void writeTo(CheckpointOutput out) throws IOException {
        out.writeLong(valuedSinceFit.get());
        trending.writeTo(out);
        coWatch.writeTo(out);
        quantiles.writeTo(out);
        exposure.writeTo(out);
        ranker.writeTo(out);
        users.writeTo(out);
        out.writeInt(quality.size());
        for (Map.Entry<String, double[]> e : quality.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeDouble(e.getValue()[0]);
            out.writeDouble(e.getValue()[1]);
        }
        StateIO.writeCounts(out, followers);
        taste.writeTo(out);
    }

    /**
     * Reads what {@link #writeTo} wrote, after {@code last} were applied (the last of each partition), into this state,
     * which has applied no event yet.
     */
    void readFrom(CheckpointInput in, List<LoggedEvent> last) throws IOException {
        if (!applied.equals(LogPosition.START)) {
            throw new IllegalStateException("A checkpoint is read only into a state that has applied no event");
        }
        valuedSinceFit.set(in.readLong());
        trending.readFrom(in);
        coWatch.readFrom(in);
        quantiles.readFrom(in);
        exposure.readFrom(in);
        ranker.readFrom(in);
        users.readFrom(in);
        for (int i = in.readInt(); i > 0; i--) {
            String video = in.readUTF();
            quality.put(video, new double[] {in.readDouble(), in.readDouble()});
        }
        StateIO.readCounts(in, followers);
        taste.readFrom(in);
        last.forEach(this::applied);
    }

    UserState user(String id) {
        return users.get(id);
    }

    /** Counts the visitor's events, past and to come, for the account they made. */
    void carryOver(String visitorId, String accountId) {
        users.carryOver(visitorId, accountId);
    }

    /** How many visitors without an account the engine keeps state for. */
    int visitorsKept() {
        return users.visitors();
    }

    /** Smoothed mean watch quantile of a video's views: (Σ q + 1) / (n + 2). */
    double quality(String video) {
        double[] s = quality.get(video);
        return s == null ? 0.5 : (s[0] + 1) / (s[1] + 2);
    }

    long followers(String creator) {
        LongAdder count = followers.get(creator);
        return count == null ? 0 : count.sum();
    }

    /** Where in the log the events applied end. */
    LogPosition appliedPosition() {
        return applied;
    }

    /** Waits until the event with this sequence has been applied, at most {@code timeoutMillis}; returns whether it was. */
    boolean awaitApplied(long sequence, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        synchronized (appliedLock) {
            while (!applied.holds(sequence)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                try {
                    appliedLock.wait(left);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether enough was valued since the last fit to refit; resets the count when it says yes. */
    boolean refitDue(int minEvents) {
        if (valuedSinceFit.get() < minEvents) {
            return false;
        }
        valuedSinceFit.set(0);
        return true;
    }

    /** A copy of every viewer's valued videos, for a refit. */
    List<Map<String, Double>> histories() {
        List<Map<String, Double>> all = new ArrayList<>();
        users.all().forEach(u -> {
            synchronized (u) {
                if (!u.valued.isEmpty()) {
                    all.add(new HashMap<>(u.valued.weights()));
                }
            }
        });
        return all;
    }

    private static LocalDate day(UserEvent e) {
        return LocalDate.ofInstant(e.at(), ZoneOffset.UTC);
    }
}
