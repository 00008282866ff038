package org.pando.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No acknowledged event is lost when the writing process is killed with {@code kill -9} (SIGKILL) at random
 * moments: a child JVM appends batches from four threads and prints each acknowledgement; after each kill the log
 * is opened again and every acknowledged batch must be there, whole and unchanged.
 */
class EventLogCrashTest {
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    /** The child: appends batches numbered from its first argument's start, four threads at a time, forever. */
    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        long start = Long.parseLong(args[1]);
        SegmentEventLog log = SegmentEventLog.open(dir, 256 << 10, SegmentEventLog.DEFAULT_MAX_QUEUED);
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(start);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (true) {
                    long batch = next.getAndIncrement();
                    int size = 1 + (int) (batch % 40);
                    long last = log.append(SegmentEventLogTest.batch(batch, size));
                    synchronized (System.out) {
                        System.out.println("ack " + batch + " " + last + " " + size + " .");
                        System.out.flush();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void everyAcknowledgedBatchSurvivesRepeatedKills() throws Exception {
        Random random = new Random(7);
        List<long[]> acknowledged = new CopyOnWriteArrayList<>();
        long nextBatch = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), EventLogCrashTest.class.getName(), dir.toString(),
                    String.valueOf(nextBatch))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<long[]> acks = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofPlatform().start(() -> read(child, acks));
            // wait for the first acknowledgements, then kill at a random moment while batches keep coming
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acks.size() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(50 + random.nextInt(400));
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child ended after kill -9").isTrue();
            reader.join();
            assertThat(acks).as("acknowledgements before kill %d", kill).hasSizeGreaterThanOrEqualTo(20);
            acknowledged.addAll(acks);
            nextBatch = acks.stream().mapToLong(a -> a[0]).max().orElse(nextBatch) + 1_000_000;

            try (SegmentEventLog log = SegmentEventLog.open(dir, 256 << 10, SegmentEventLog.DEFAULT_MAX_QUEUED)) {
                long lost = 0;
                for (long[] ack : acknowledged) {
                    List<LoggedEvent> read = log.readAfter(ack[1] - ack[2], (int) ack[2]);
                    for (int i = 0; i < ack[2]; i++) {
                        if (i >= read.size() || !read.get(i).event().equals(SegmentEventLogTest.event(ack[0], i))) {
                            lost++;
                        }
                    }
                }
                assertThat(lost).as("acknowledged events lost after %d kills (%d batches acknowledged)", kill + 1,
                        acknowledged.size()).isZero();
            }
        }
    }

    private static void read(Process child, List<long[]> acks) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                // a line cut short by the kill lacks its closing dot and is not counted
                if (parts.length == 5 && parts[0].equals("ack") && parts[4].equals(".")) {
                    acks.add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])});
                }
            }
        } catch (IOException e) {
            // the child was killed mid-line; what was read is what was acknowledged
        }
    }
}
