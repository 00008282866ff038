package org.pando.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background threads run at the least priority, and so do the threads they start; other threads keep theirs. */
class BackgroundThreadsTest {
    @Test
    void aBackgroundThreadAndTheThreadsItStartsRunAtTheLeastPriority() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "threads' priorities are read from Linux's /proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")),
                "renice is there to lower them");
        int own = niceOfCurrentThread();
        ExecutorService background = Executors.newSingleThreadExecutor(BackgroundThreads.named("pando-test-background"));
        try {
            int[] seen = background.submit(() -> {
                int[] child = new int[1];
                Thread started = Thread.ofPlatform().start(() -> child[0] = niceOfCurrentThread());
                started.join();
                return new int[] {niceOfCurrentThread(), child[0]};
            }).get(30, TimeUnit.SECONDS);
            assertThat(seen[0]).as("nice value of the background thread").isEqualTo(BackgroundThreads.LOWEST);
            assertThat(seen[1]).as("nice value of a thread the background thread started").isEqualTo(BackgroundThreads.LOWEST);
        } finally {
            background.shutdownNow();
        }
        assertThat(niceOfCurrentThread()).as("nice value of the thread that made the background one").isEqualTo(own);
    }

    /** Field 19 of {@code /proc/thread-self/stat}, counted after the command name, which may hold spaces. */
    private static int niceOfCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(after[16]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
