package org.pando.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs an index loop on a few threads, in chunks taken as they free up, so uneven rows balance out. */
final class Parallel {
    private static final int CHUNK = 64;

    private Parallel() {
    }

    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Calls {@code body} for every index in [0, n), then returns; a failure in any thread is rethrown. */
    static void forEach(int n, int threads, IntConsumer body) {
        if (threads <= 1 || n < CHUNK) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> Thread.ofPlatform().daemon().unstarted(r));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int start;
                    while ((start = next.getAndAdd(CHUNK)) < n) {
                        for (int i = start; i < Math.min(n, start + CHUNK); i++) {
                            body.accept(i);
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
