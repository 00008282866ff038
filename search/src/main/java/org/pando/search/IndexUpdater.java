package org.pando.search;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one thread that writes the index: on start it rebuilds the index when it needs it (missing, of another
 * version, or holding another number of videos than the source), then applies each change it is told of, a batch
 * at a time, each batch committed and visible at once. A batch that fails (the database away) is tried again a
 * second later. Closing lets the current batch finish and stops a rebuild between two videos.
 */
final class IndexUpdater implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IndexUpdater.class.getName());
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final SearchIndex index;
    private final SearchSource source;
    private final Object lock = new Object();
    private final Set<String> pending = new LinkedHashSet<>();
    private boolean checkWanted;
    private boolean working;
    private volatile boolean stopping;
    private Thread thread;

    IndexUpdater(SearchIndex index, SearchSource source) {
        this.index = index;
        this.source = source;
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
            boolean check;
            Set<String> batch;
            synchronized (lock) {
                while (!stopping && pending.isEmpty() && !checkWanted) {
                    waitOn(Duration.ZERO);
                }
                // Changes noticed before closing are still written; a check for a rebuild is left to the next start.
                if (stopping && pending.isEmpty()) {
                    return;
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
