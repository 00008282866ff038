package org.pando.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Delivers the event log to consumers as a stream, in order, on one thread of its own; a log of several partitions
 * is delivered a batch of each partition in turn, so each partition's events, and each viewer's, keep their order.
 *
 * <p>Consumers are added before {@link #start()} with the position they have already read (the start for the whole
 * log), so state rebuilt from a checkpoint resumes where it stopped. {@link #wake()} shortens the wait after
 * an append in this process; events appended by another process arrive within the poll interval.
 *
 * <pre>{@code
 * EventStream stream = new EventStream(log, Duration.ofMillis(200).toMillis());
 * stream.subscribe(LogPosition.START, event -> counters.accept(event));
 * stream.start();
 * ...
 * stream.close();
 * }</pre>
 */
public final class EventStream implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventStream.class.getName());
    private static final int BATCH = 1000;

    private final EventLog log;
    private final long pollMillis;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    public EventStream(EventLog log, long pollMillis) {
        this.log = log;
        this.pollMillis = pollMillis;
    }

    /** Adds a consumer of every event after {@code after}. */
    public void subscribe(LogPosition after, Consumer<LoggedEvent> consumer) {
        subscriptions.add(new Subscription(consumer, after));
    }

    /**
     * Moves a consumer to after {@code after}, so that the next event of each partition it is given is the first one
     * after it. {@code meanwhile} runs while no event is being given to that consumer, for it to set its own state to
     * match.
     */
    public void seek(Consumer<LoggedEvent> consumer, LogPosition after, Runnable meanwhile) {
        for (Subscription subscription : subscriptions) {
            if (subscription.consumer == consumer) {
                synchronized (subscription) {
                    meanwhile.run();
                    subscription.position = after;
                }
                return;
            }
        }
        throw new IllegalArgumentException("Not a consumer of this stream: " + consumer);
    }

    /** How many events of the log the slowest consumer has yet to see. */
    public long lag() {
        LogPosition end = log.end();
        long lag = 0;
        for (Subscription subscription : subscriptions) {
            lag = Math.max(lag, subscription.position.behind(end));
        }
        return lag;
    }

    /** Starts delivering. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("pando-event-stream").daemon().start(this::run);
    }

    /** Says that events were appended, so delivery need not wait for the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Delivers everything appended so far to every consumer, on the calling thread; for tests and shutdown. */
    public void drain() {
        for (Subscription subscription : subscriptions) {
            while (deliver(subscription) > 0) {
                // keep going until the log is exhausted for this consumer
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        while (running) {
            int delivered = 0;
            for (Subscription subscription : subscriptions) {
                try {
                    delivered += deliver(subscription);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "An event consumer failed; retrying after the next poll", e);
                }
            }
            if (delivered == 0) {
                awaitAppend();
            }
        }
    }

    /** Gives the consumer a batch of each partition; returns how many events it was given. */
    private int deliver(Subscription subscription) {
        int delivered = 0;
        for (int p = 0; p < log.partitions(); p++) {
            synchronized (subscription) {
                long after = subscription.position.sequence(p);
                List<LoggedEvent> batch = log.readAfter(after, BATCH);
                for (LoggedEvent event : batch) {
                    subscription.consumer.accept(event);
                    subscription.position = subscription.position.after(event.sequence());
                }
                long past = batch.isEmpty() ? log.pastGaps(after) : after;
                if (past != after) {
                    subscription.position = subscription.position.after(past);
                }
                delivered += batch.size();
            }
        }
        return delivered;
    }

    private void awaitAppend() {
        lock.lock();
        try {
            if (!woken) {
                appended.await(pollMillis, TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static final class Subscription {
        private final Consumer<LoggedEvent> consumer;
        private volatile LogPosition position;

        Subscription(Consumer<LoggedEvent> consumer, LogPosition position) {
            this.consumer = consumer;
            this.position = position;
        }
    }
}
