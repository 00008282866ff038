package org.pando.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Threads for background work that should take only what serving leaves of the processors, such as refitting models
 * and reloading the catalogue. On Linux each of them lowers its own scheduling priority to the least (nice
 * {@value #LOWEST}) with the system's {@code renice} as it starts, and the threads it starts inherit it. Elsewhere, or
 * without {@code renice}, they run at the usual priority.
 *
 * <pre>{@code
 * ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("pando-fit"));
 * }</pre>
 */
public final class BackgroundThreads {
    /** The least scheduling priority a Linux thread can have. */
    static final int LOWEST = 19;
    private static final System.Logger LOG = System.getLogger(BackgroundThreads.class.getName());
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final long RENICE_SECONDS = 5;

    private BackgroundThreads() {
    }

    /** Daemon platform threads called {@code name}, each at the least priority before it runs its task. */
    public static ThreadFactory named(String name) {
        return task -> Thread.ofPlatform().name(name).daemon().unstarted(() -> {
            lowerCurrentThread();
            task.run();
        });
    }

    /** Lowers the calling platform thread's scheduling priority to the least, where the system lets it. */
    private static void lowerCurrentThread() {
        if (!Files.isSymbolicLink(THREAD_SELF)) {
            return;
        }
        try {
            // "<pid>/task/<tid>": the thread's own id, which setpriority takes as a process id
            String thread = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(LOWEST), "-p", thread)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(RENICE_SECONDS, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not lower the priority of " + Thread.currentThread().getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
