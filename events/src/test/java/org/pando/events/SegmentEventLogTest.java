package org.pando.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment-file event log: order, segments, reopening, torn and corrupt files, concurrent writers. */
class SegmentEventLogTest {
    @TempDir
    Path dir;

    /** A distinct event for a batch and its index, as the crash test's writer makes them too. */
    static UserEvent event(long batch, int i) {
        return new UserEvent(EventType.values()[(int) ((batch + i) % EventType.values().length)], "user-" + batch, "video-" + i,
                "한국 채널", Surface.values()[i % Surface.values().length], i % 2 == 0 ? Optional.of("KR") : Optional.empty(),
                Optional.of("ko"), batch * 1000 + i, 60_000, Instant.ofEpochMilli(1_790_000_000_000L + batch),
                i % 3 == 0 ? OptionalDouble.of(0.25) : OptionalDouble.empty());
    }

    static List<UserEvent> batch(long batch, int size) {
        return IntStream.range(0, size).mapToObj(i -> event(batch, i)).toList();
    }

    @Test
    void readsBackEveryEventInOrderAcrossSegmentsAndAfterReopening() throws IOException {
        List<UserEvent> written = new ArrayList<>();
        try (SegmentEventLog log = SegmentEventLog.open(dir, 4096, SegmentEventLog.DEFAULT_MAX_QUEUED)) {
            for (int b = 0; b < 60; b++) {
                List<UserEvent> events = batch(b, 1 + b % 7);
                long last = log.append(events);
                written.addAll(events);
                assertThat(last).as("last sequence of batch %d", b).isEqualTo(written.size());
            }
            assertThat(log.append(List.of())).as("an empty batch").isZero();
            assertThat(readAll(log, 7)).as("every event, read seven at a time").isEqualTo(written);
        }
        assertThat(segmentFiles()).as("segments of about 4 KiB").hasSizeGreaterThan(3);

        try (SegmentEventLog reopened = SegmentEventLog.open(dir, 4096, SegmentEventLog.DEFAULT_MAX_QUEUED)) {
            assertThat(reopened.lastSequence()).as("last sequence after reopening").isEqualTo(written.size());
            assertThat(readAll(reopened, 1000)).as("every event after reopening").isEqualTo(written);
            List<LoggedEvent> middle = reopened.readAfter(100, 5);
            assertThat(middle).extracting(LoggedEvent::sequence).as("five after 100").containsExactly(101L, 102L, 103L, 104L, 105L);
            assertThat(middle.getFirst().event()).as("event 101").isEqualTo(written.get(100));
            assertThat(reopened.append(batch(99, 2))).as("appending after reopening continues the sequence")
                    .isEqualTo(written.size() + 2);
        }
    }

    @Test
    void aBatchTornOffTheEndIsCutAndTheLogGoesOn() throws IOException {
        try (SegmentEventLog log = SegmentEventLog.open(dir)) {
            log.append(batch(1, 3));
            log.append(batch(2, 4));
        }
        Path segment = segmentFiles().getLast();
        long whole = Files.size(segment);
        try (var channel = Files.newByteChannel(segment, StandardOpenOption.WRITE)) {
            channel.truncate(whole - 10);
        }

        try (SegmentEventLog log = SegmentEventLog.open(dir)) {
            assertThat(log.lastSequence()).as("events left after the second batch was torn").isEqualTo(3);
            assertThat(readAll(log, 100)).as("the first batch, whole").isEqualTo(batch(1, 3));
            assertThat(log.append(batch(3, 1))).as("the next batch takes the torn one's place").isEqualTo(4);
        }
        Files.write(segment, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18},
                StandardOpenOption.APPEND);
        try (SegmentEventLog log = SegmentEventLog.open(dir)) {
            assertThat(log.lastSequence()).as("events after garbage at the end").isEqualTo(4);
        }
    }

    @Test
    void corruptionBeforeTheLastSegmentStopsTheOpeningInsteadOfLosingEvents() throws IOException {
        try (SegmentEventLog log = SegmentEventLog.open(dir, 1024, SegmentEventLog.DEFAULT_MAX_QUEUED)) {
            for (int b = 0; b < 40; b++) {
                log.append(batch(b, 3));
            }
        }
        Path first = segmentFiles().getFirst();
        byte[] bytes = Files.readAllBytes(first);
        bytes[30] ^= 0x55;
        Files.write(first, bytes);

        assertThatThrownBy(() -> SegmentEventLog.open(dir, 1024, SegmentEventLog.DEFAULT_MAX_QUEUED)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checksum does not match").hasMessageContaining("acknowledged events would be lost");
    }

    @Test
    void concurrentWritersGetContiguousSequencesAndNoBatchIsSplit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SegmentEventLog log = SegmentEventLog.open(dir, 64 << 10, SegmentEventLog.DEFAULT_MAX_QUEUED)) {
            List<Future<long[]>> acks = new ArrayList<>();
            for (int b = 0; b < 400; b++) {
                long batchNo = b;
                int size = 1 + b % 5;
                acks.add(pool.submit(() -> new long[] {batchNo, log.append(batch(batchNo, size)), size}));
            }
            List<long[]> acknowledged = new ArrayList<>();
            for (Future<long[]> ack : acks) {
                acknowledged.add(ack.get());
            }
            List<LoggedEvent> all = log.readAfter(0, 10_000);
            Set<Long> sequences = new HashSet<>();
            for (long[] a : acknowledged) {
                for (int i = 0; i < a[2]; i++) {
                    long sequence = a[1] - a[2] + 1 + i;
                    assertThat(sequences.add(sequence)).as("sequence %d given once", sequence).isTrue();
                    assertThat(all.get((int) sequence - 1).event()).as("event %d is batch %d's %dth", sequence, a[0], i)
                            .isEqualTo(event(a[0], i));
                }
            }
            assertThat(sequences).as("sequences, with no gap").hasSize(all.size())
                    .allSatisfy(s -> assertThat(s).isBetween(1L, (long) all.size()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSecondOpeningOfTheSameDirectoryIsRefusedUntilTheFirstCloses() {
        try (SegmentEventLog log = SegmentEventLog.open(dir)) {
            log.append(batch(1, 2));
            assertThatThrownBy(() -> SegmentEventLog.open(dir)).as("a second writer")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("open in another Pando process");
        }
        try (SegmentEventLog reopened = SegmentEventLog.open(dir)) {
            assertThat(reopened.lastSequence()).as("events after the first writer closed").isEqualTo(2);
        }
    }

    @Test
    void batchesBeyondTheQueueAreRefusedWholeAndTheAcknowledgedOnesAreAllKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SegmentEventLog log = SegmentEventLog.open(dir, 64 << 10, 3)) {
            assertThat(log.append(batch(0, 10))).as("a batch larger than the queue, alone").isEqualTo(10);
            List<Future<long[]>> tries = new ArrayList<>();
            for (int b = 1; b <= 2000; b++) {
                long batchNo = b;
                tries.add(pool.submit(() -> {
                    try {
                        return new long[] {batchNo, log.append(batch(batchNo, 2))};
                    } catch (EventLogBusy busy) {
                        assertThat(busy.retryAfter()).as("the wait a refusal names").isPresent();
                        return new long[] {batchNo, -1};
                    }
                }));
            }
            int refused = 0;
            int kept = 10;
            for (Future<long[]> attempt : tries) {
                long[] outcome = attempt.get();
                if (outcome[1] < 0) {
                    refused++;
                } else {
                    kept += 2;
                }
            }
            List<LoggedEvent> all = log.readAfter(0, 100_000);
            assertThat(refused).as("batches refused while two or more events waited").isPositive();
            assertThat(all).as("the log holds exactly the acknowledged batches").hasSize(kept);
            assertThat(log.queuedEvents()).as("nothing left waiting").isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<UserEvent> readAll(SegmentEventLog log, int page) {
        List<UserEvent> events = new ArrayList<>();
        long after = 0;
        while (true) {
            List<LoggedEvent> read = log.readAfter(after, page);
            if (read.isEmpty()) {
                return events;
            }
            for (LoggedEvent e : read) {
                assertThat(e.sequence()).as("sequence after %d", after).isEqualTo(after + 1);
                after = e.sequence();
                events.add(e.event());
            }
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
    }
}
