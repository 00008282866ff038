package org.pando.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pando.domain.RandomIds;

/**
 * The one thread that writes the index: on start it rebuilds the index when it needs it (missing, of another
 * version, or holding another number of videos than the source), then applies each change it is told of, a batch
 * at a time, each batch committed and visible at once. Every second it also reads the changes other processes noted
 * in the source since the last it read (once they are two seconds old), and once an hour forgets the notes older than
 * a day. A batch that fails
 * (the database away) is tried again a second later. Closing lets the current batch finish and stops a rebuild
 * between two videos.
 */
final class IndexUpdater implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IndexUpdater.class.getName());
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Duration FOLLOW_EVERY = Duration.ofSeconds(1);
    /** How old a note must be to be read: longer than any one note's insert takes to commit. */
    private static final Duration SETTLED_AFTER = Duration.ofSeconds(2);
    private static final Duration KEEP_NOTES = Duration.ofDays(1);
    private static final Duration FORGET_EVERY = Duration.ofHours(1);
    private static final int NOTES_PER_READ = 1000;

    private final SearchIndex index;
    private final SearchSource source;
    private final Clock clock;
    /** The name this index notes its changes under, so that it skips them when it reads the notes. */
    private final String noter = RandomIds.id();
    private final Object lock = new Object();
    private final Set<String> pending = new LinkedHashSet<>();
    private boolean checkWanted;
    private boolean working;
    private volatile boolean stopping;
    private Thread thread;
    /** The position of the last note read, -1 before the first read of where the notes are. */
    private long followed = -1;
    private Instant forgotAt = Instant.MIN;

    IndexUpdater(SearchIndex index, SearchSource source, Clock clock) {
        this.index = index;
        this.source = source;
        this.clock = clock;
    }

    /** Starts the thread, which first checks whether the index must be rebuilt. */
    void start() {
        synchronized (lock) {
            if (thread != null) {
                return;
            }
            checkWanted = true;
            thread = Thread.ofPlatform().name("pando-search-indexer").daemon().start(this::run);
        }
    }

    /** Queues a video to be read again from the source. */
    void changed(String videoId) {
        synchronized (lock) {
            pending.add(videoId);
            lock.notifyAll();
        }
    }

    /** The name this index notes its own changes under. */
    String noter() {
        return noter;
    }

    /** Waits until every change told so far is in the index; false when the time ran out first. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (working || checkWanted || !pending.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || thread == null) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void run() {
        while (true) {
            follow();
            boolean check;
            Set<String> batch;
            synchronized (lock) {
                if (!stopping && pending.isEmpty() && !checkWanted) {
                    waitOn(FOLLOW_EVERY);
                }
                // Changes noticed before closing are still written; a check for a rebuild is left to the next start.
                if (stopping && pending.isEmpty()) {
                    return;
                }
                if (pending.isEmpty() && !checkWanted) {
                    continue;
                }
                check = checkWanted && !stopping;
                checkWanted = false;
                batch = new LinkedHashSet<>(pending);
                pending.clear();
                working = true;
            }
            boolean failed = false;
            try {
                if (check) {
                    rebuildIfNeeded();
                }
                apply(batch);
            } catch (RuntimeException e) {
                failed = true;
                LOG.log(System.Logger.Level.WARNING, "Updating the search index failed; trying again in a second", e);
                synchronized (lock) {
                    if (!stopping) {
                        checkWanted |= check;
                        pending.addAll(batch);
                    }
                }
            } finally {
                synchronized (lock) {
                    working = false;
                    lock.notifyAll();
                    if (failed && !stopping) {
                        waitOn(RETRY_AFTER);
                    }
                }
            }
        }
    }

    /**
     * Reads the changes other processes noted since the last read into the pending ones; the first time, only where
     * the notes are, before the start's check for a rebuild. A failed read is tried again at the next round.
     */
    private void follow() {
        try {
            if (followed < 0) {
                followed = source.lastNoted();
                return;
            }
            Instant now = clock.instant();
            List<NotedChange> noted = source.notedAfter(followed, now.minus(SETTLED_AFTER), noter, NOTES_PER_READ);
            if (!noted.isEmpty()) {
                synchronized (lock) {
                    noted.forEach(n -> pending.add(n.videoId()));
                }
                followed = noted.getLast().position();
            }
            if (now.isAfter(forgotAt.plus(FORGET_EVERY))) {
                source.forgetNotedBefore(now.minus(KEEP_NOTES));
                forgotAt = now;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Reading the changes other processes noted failed; trying again", e);
        }
    }

    private void rebuildIfNeeded() {
        if (!index.needsRebuild() && index.videoCount() == source.countSearchable()) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "Rebuilding the search index from the database");
        int written = IndexRebuild.run(index, source, () -> stopping);
        if (written >= 0) {
            LOG.log(System.Logger.Level.INFO, "The search index holds " + written + " videos");
        }
    }

    private void apply(Set<String> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (String id : batch) {
            source.searchable(id).ifPresentOrElse(index::put, () -> index.remove(id));
        }
        index.commit();
    }

    /** Waits on the lock (held by the caller) for a change, or at most this long when not zero. */
    private void waitOn(Duration most) {
        try {
            lock.wait(most.toMillis());
        } catch (InterruptedException e) {
            stopping = true;
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
            running = thread;
        }
        if (running == null) {
            return;
        }
        try {
            if (!running.join(STOP_WAIT)) {
                LOG.log(System.Logger.Level.WARNING, "The search indexer did not stop within " + STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
