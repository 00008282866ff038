package org.pando.stats;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pando.events.EventStream;
import org.pando.events.EventType;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.UserEvent;
import org.pando.stats.StatsDelta.Audience;
import org.pando.stats.StatsDelta.FollowColumn;
import org.pando.stats.StatsDelta.ReachColumn;
import org.pando.stats.StatsDelta.ShownColumn;
import org.pando.stats.StatsDelta.VideoAudience;
import org.pando.stats.StatsDelta.VideoColumn;
import org.pando.stats.StatsDelta.VideoMinute;
import org.pando.stats.StatsDelta.VideoSecond;
import org.pando.stats.StatsDelta.VideoSurface;
import org.pando.stats.StatsDelta.ViewColumn;

/**
 * Folds the event stream into the statistics' totals. Subscribe it from {@link #checkpoint()}, the position in the
 * log the stored totals already hold, and {@link #start()} it: what the events add is written about once a second,
 * with the position after the last one, in one transaction, so that nothing is counted twice or lost across restarts. A
 * write applies only on top of the checkpoint it was read after. When several processes fold the same log into the
 * same totals (web nodes sharing a database and a log), the one whose write finds the checkpoint moved drops what
 * it held and reads the log again from the checkpoint the other wrote: nothing is counted twice, and nothing is lost
 * while one of them runs. Views that were open at that moment are forgotten by the one that dropped them.
 *
 * <p>The per-minute and per-day rows are kept for {@link #KEEP_MINUTES} back from the newest event; the totals
 * are kept for good.
 *
 * <p>A view starts with a play and lasts until the viewer completes, skips or plays something else; its watch
 * time and reach grow with the furthest position reported. A view in progress when Pando stops keeps what was
 * counted; its later reports are not matched to it.
 *
 * <pre>{@code
 * StatsAggregator stats = new StatsAggregator(store, Duration.ofSeconds(1));
 * stats.subscribeTo(stream);
 * stats.start();
 * }</pre>
 */
public final class StatsAggregator implements Consumer<LoggedEvent>, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StatsAggregator.class.getName());
    private static final int MAX_OPEN_VIEWS = 100_000;
    /**
     * How long the per-minute and per-day rows (the last hour, the forecast's history, the dashboard's days) are
     * kept, counted back from the newest event: longer than the 30 days the dashboard shows.
     */
    static final long KEEP_MINUTES = 31 * 1440L;
    /** How often, in minutes of the events' time, the rows older than that are forgotten. */
    private static final long FORGET_EVERY_MINUTES = 60;

    private final StatsStore store;
    private final Duration flushEvery;
    private final Map<String, OpenView> open = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OpenView> eldest) {
            return size() > MAX_OPEN_VIEWS;
        }
    };
    /** Guards the delta being filled and the positions. */
    private final Object lock = new Object();
    /** Held by the one write under way. */
    private final Object writing = new Object();
    private StatsDelta pending = new StatsDelta();
    private LogPosition pendingPosition;
    private LogPosition storedPosition;
    /** The newest event's minute, and the one when old rows were last forgotten. */
    private long newestMinute = Long.MIN_VALUE;
    private long forgotAtMinute = Long.MIN_VALUE;
    private ScheduledExecutorService flusher;
    private volatile EventStream stream;

    public StatsAggregator(StatsStore store, Duration flushEvery) {
        this.store = store;
        this.flushEvery = flushEvery;
        this.storedPosition = store.checkpoint();
        this.pendingPosition = storedPosition;
    }

    /** Where in the log the stored totals are: after the last event they hold; subscribe after it. */
    public LogPosition checkpoint() {
        synchronized (lock) {
            return storedPosition;
        }
    }

    /** Subscribes to the stream from the checkpoint; the stream is moved back when another process wrote first. */
    public void subscribeTo(EventStream events) {
        this.stream = events;
        events.subscribe(checkpoint(), this);
    }

    /** Starts writing what the events add, every {@code flushEvery}. */
    public synchronized void start() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("pando-stats").daemon().unstarted(r));
            long every = flushEvery.toMillis();
            flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void accept(LoggedEvent logged) {
        synchronized (lock) {
            if (pendingPosition.holds(logged.sequence())) {
                return;
            }
            apply(logged.event());
            pendingPosition = pendingPosition.after(logged.sequence());
        }
    }

    /**
     * Writes what the events since the last write add, now. Events keep being folded in while the write runs; a
     * failed write puts what it held back before them, for the next write. One write runs at a time.
     */
    public void flush() {
        synchronized (writing) {
            StatsDelta written;
            LogPosition from;
            LogPosition to;
            synchronized (lock) {
                if (pendingPosition.equals(storedPosition)) {
                    return;
                }
                written = pending;
                from = storedPosition;
                to = pendingPosition;
                pending = new StatsDelta();
            }
            try {
                store.add(written, from, to);
            } catch (CheckpointMoved e) {
                LOG.log(System.Logger.Level.DEBUG, "Another process wrote the statistics first; reading on from its checkpoint");
                catchUp();
                return;
            } catch (RuntimeException e) {
                synchronized (lock) {
                    written.addLater(pending);
                    pending = written;
                }
                throw e;
            }
            synchronized (lock) {
                storedPosition = to;
            }
        }
    }

    /** Drops what is held and goes on from the stored checkpoint, which another process moved. */
    private void catchUp() {
        LogPosition stored = store.checkpoint();
        Runnable reset = () -> {
            synchronized (lock) {
                pending = new StatsDelta();
                open.clear();
                storedPosition = stored;
                pendingPosition = stored;
            }
        };
        EventStream events = stream;
        if (events == null) {
            reset.run();
        } else {
            events.seek(this, stored, reset);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Writing the statistics failed; the next write tries again", e);
        }
    }

    @Override
    public synchronized void close() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
        flushQuietly();
    }

    private void apply(UserEvent e) {
        forgetOld(e.at().getEpochSecond() / 60);
        pending.active(e.at().getEpochSecond() / 86_400, e.userId());
        if (e.videoId().isEmpty()) {
            if (e.type() == EventType.FOLLOW) {
                pending.channelFollows.add(e.creatorId(), FollowColumn.FOLLOWERS_GAINED, 1);
            }
            return;
        }
        String video = e.videoId();
        pending.video(video, e.creatorId(), e.durationMs());
        long minute = e.at().getEpochSecond() / 60;
        switch (e.type()) {
            case IMPRESSION -> {
                pending.totals.add(video, VideoColumn.IMPRESSIONS, 1);
                pending.surfaces.add(new VideoSurface(video, e.surface()), ShownColumn.IMPRESSIONS, 1);
                pending.minutes.add(new VideoMinute(video, minute), ShownColumn.IMPRESSIONS, 1);
            }
            case PLAY -> play(e, minute);
            case PROGRESS -> advance(e, e.watchedMs(), false);
            case COMPLETE -> advance(e, Math.max(e.watchedMs(), e.durationMs()), true);
            case SKIP -> advance(e, e.watchedMs(), true);
            case LIKE -> pending.totals.add(video, VideoColumn.LIKES, 1);
            case UNLIKE -> pending.totals.add(video, VideoColumn.LIKES, -1);
            case COMMENT -> pending.totals.add(video, VideoColumn.COMMENTS, 1);
            case SHARE -> pending.totals.add(video, VideoColumn.SHARES, 1);
            case FOLLOW -> {
                pending.totals.add(video, VideoColumn.FOLLOWERS_GAINED, 1);
                pending.channelFollows.add(e.creatorId(), FollowColumn.FOLLOWERS_GAINED, 1);
            }
            case NOT_INTERESTED -> {
                // turns the recommender away; no statistic of the creator's
            }
        }
    }

    /** Once an hour of the events' time, has the rows older than {@link #KEEP_MINUTES} forgotten with the next write. */
    private void forgetOld(long minute) {
        newestMinute = Math.max(newestMinute, minute);
        if (forgotAtMinute == Long.MIN_VALUE || newestMinute - forgotAtMinute >= FORGET_EVERY_MINUTES) {
            forgotAtMinute = newestMinute;
            pending.forgetBefore(newestMinute - KEEP_MINUTES);
        }
    }

    private void play(UserEvent e, long minute) {
        String video = e.videoId();
        pending.totals.add(video, VideoColumn.VIEWS, 1);
        pending.surfaces.add(new VideoSurface(video, e.surface()), ShownColumn.VIEWS, 1);
        pending.minutes.add(new VideoMinute(video, minute), ShownColumn.VIEWS, 1);
        e.country().ifPresent(c -> pending.audience.add(new VideoAudience(video, Audience.COUNTRY, c), ViewColumn.VIEWS, 1));
        e.language().ifPresent(l -> pending.audience.add(new VideoAudience(video, Audience.LANGUAGE, l), ViewColumn.VIEWS, 1));
        pending.viewer(video, e.userId());
        open.put(e.userId(), new OpenView(video, e.durationMs()));
        reached(video, 0, 0);
    }

    /** The viewer's view of this video got to {@code positionMs}; {@code ends} closes it (complete, skip). */
    private void advance(UserEvent e, long positionMs, boolean ends) {
        OpenView view = open.get(e.userId());
        if (view == null || !view.video.equals(e.videoId())) {
            return;
        }
        long duration = view.durationMs > 0 ? view.durationMs : e.durationMs();
        long position = duration > 0 ? Math.min(positionMs, duration) : positionMs;
        if (position > view.positionMs) {
            pending.totals.add(view.video, VideoColumn.WATCH_MS, position - view.positionMs);
            int from = second(view.positionMs);
            int to = second(position);
            if (to > from) {
                reached(view.video, from + 1, to);
            }
            view.positionMs = position;
        }
        if (e.type() == EventType.COMPLETE) {
            pending.totals.add(view.video, VideoColumn.COMPLETES, 1);
        }
        if (ends) {
            open.remove(e.userId());
        }
    }

    /** One more view reached every second from {@code first} to {@code last}. */
    private void reached(String video, int first, int last) {
        pending.reach.add(new VideoSecond(video, first), ReachColumn.CHANGE, 1);
        pending.reach.add(new VideoSecond(video, last + 1), ReachColumn.CHANGE, -1);
    }

    private static int second(long ms) {
        return (int) (ms / 1000);
    }

    /** A view being watched: which video, how long it is, and the furthest position counted. */
    private static final class OpenView {
        private final String video;
        private final long durationMs;
        private long positionMs;

        OpenView(String video, long durationMs) {
            this.video = video;
            this.durationMs = durationMs;
        }
    }
}
