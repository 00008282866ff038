package org.pando.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.pando.domain.FileTrees;
import org.pando.events.EventType;
import org.pando.events.LoggedEvent;
import org.pando.events.SegmentEventLog;

/**
 * {@code pando bench serve}, its ingest part: events posted over HTTP to {@code pando serve} (segment log, group
 * commit), side by side in the same run with a local Kafka broker taking the same events from a producer with
 * {@code acks=all}; then rounds in which the server is killed with {@code SIGKILL} while events pour in, after which
 * every acknowledged batch is looked for in the log.
 */
final class ServeBench {
    private static final int VIDEOS = 10_000;
    private static final int CREATORS = 500;
    private static final int THREADS = 4;
    private static final int BATCH = 1000;
    private static final int WARMUP_S = 5;
    private static final int KILL_ROUNDS = 5;
    private static final double TARGET_EVENTS_PER_S = 200_000;
    private static final double TARGET_RATIO = 2.0;
    private static final double TARGET_FEED_P99_MS = 20;
    private static final double TARGET_FEEDS_PER_S = 2000;
    private static final double TARGET_FRESHNESS_P99_MS = 100;

    private static final int FEED_CONNECTIONS = 32;
    /** Unmeasured load first: the feed's code is compiled by then, as on a server that has been up a while. */
    private static final int FEED_WARMUP_S = 30;

    private final Path work;
    private final int seconds;
    private final SyntheticInstance.Shape feedShape;
    private final int feedSeconds;
    private final PrintStream out;

    ServeBench(Path work, int seconds, SyntheticInstance.Shape feedShape, int feedSeconds, PrintStream out) {
        this.work = work;
        this.seconds = seconds;
        this.feedShape = feedShape;
        this.feedSeconds = feedSeconds;
        this.out = out;
    }

    int run(Path json) {
        FileTrees.deleteQuietly(work);
        Path data = work.resolve("data");
        Path log = work.resolve("logs").resolve("pando.log");
        SyntheticInstance.Shape shape = new SyntheticInstance.Shape(VIDEOS, 0, CREATORS, 0, 42);
        GenCommand.run(data, shape, out);
        SyntheticInstance instance = new SyntheticInstance(shape, Instant.now());
        Map<String, String> settings = Map.of("events.max-batch", String.valueOf(BATCH), "jobs.workers", "1");
        AtomicLong batchNumbers = new AtomicLong();
        List<Long> acknowledged = new ArrayList<>();

        out.printf(Locale.ROOT, "Pando: %d threads posting batches of %d events for %d s after %d s of warm-up ...%n", THREADS, BATCH,
                seconds, WARMUP_S);
        Map<String, Object> pando;
        try (PandoChild server = PandoChild.start(data, settings, "2g", log)) {
            IngestLoad load = IngestLoad.start(server.base(), THREADS, BATCH, instance, batchNumbers);
            pando = measure(load::acknowledgedEvents, server.handle());
            load.stop();
            pando.put("refused_503", load.refused());
            pando.put("server_rss_mb", server.residentBytes() >> 20);
            acknowledged.addAll(load.acknowledgedBatches());
        }

        SplittableRandom random = new SplittableRandom(7);
        long killedAcknowledged = 0;
        for (int round = 1; round <= KILL_ROUNDS; round++) {
            PandoChild server = PandoChild.start(data, settings, "2g", log);
            IngestLoad load = IngestLoad.start(server.base(), THREADS, BATCH, instance, batchNumbers);
            long wait = 500 + random.nextLong(3000);
            ChildProcesses.sleep(wait);
            server.kill();
            load.stop();
            killedAcknowledged += load.acknowledgedEvents();
            acknowledged.addAll(load.acknowledgedBatches());
            out.printf(Locale.ROOT, "kill -9 round %d after %d ms: %d events acknowledged%n", round, wait, load.acknowledgedEvents());
        }
        long lost = lost(data.resolve("events"), acknowledged);
        out.printf(Locale.ROOT, "Acknowledged batches looked for in the log: %d; events lost: %d%n", acknowledged.size(), lost);

        String classpath = KafkaBroker.classpath();
        Map<String, Object> kafkaFlushed = kafka(classpath, true);
        Map<String, Object> kafkaCached = kafka(classpath, false);

        Map<String, Object> feed = feed();

        double ingest = (double) pando.get("events_per_s");
        double kafka = (double) kafkaFlushed.get("events_per_s");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("feed_p50_ms", feed.get("feed_p50_ms"));
        report.put("feed_p99_ms", feed.get("feed_p99_ms"));
        report.put("feeds_per_s", feed.get("feeds_per_s"));
        @SuppressWarnings("unchecked")
        Map<String, Object> paced = (Map<String, Object>) feed.get("paced");
        report.put("feed_paced_rate_per_s", paced.get("rate_per_s"));
        report.put("feed_paced_p50_ms", paced.get("feed_p50_ms"));
        report.put("feed_paced_p99_ms", paced.get("feed_p99_ms"));
        report.put("freshness_paced_p99_ms", paced.get("freshness_p99_ms"));
        report.put("freshness_p99_ms", feed.get("freshness_p99_ms"));
        report.put("first_start_to_serving_s", feed.get("first_start_to_serving_s"));
        report.put("restart_to_serving_s", feed.get("restart_to_serving_s"));
        report.put("ingest_events_per_s", Reports.round(ingest));
        report.put("kafka_events_per_s", Reports.round(kafka));
        report.put("ingest_vs_kafka", Reports.round(ingest / kafka));
        report.put("kafka_page_cache_events_per_s", kafkaCached.get("events_per_s"));
        report.put("ingest_vs_kafka_page_cache", Reports.round(ingest / (double) kafkaCached.get("events_per_s")));
        report.put("lost_acknowledged_events", lost);
        report.put("kill_rounds", KILL_ROUNDS);
        report.put("acknowledged_in_kill_rounds", killedAcknowledged);
        report.put("feed", feed);
        report.put("pando", pando);
        report.put("kafka_flush_each_batch", kafkaFlushed);
        report.put("kafka_page_cache", kafkaCached);
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("videos", VIDEOS);
        setup.put("threads", THREADS);
        setup.put("batch_events", BATCH);
        setup.put("window_s", seconds);
        setup.put("warmup_s", WARMUP_S);
        setup.put("cores", Runtime.getRuntime().availableProcessors());
        setup.put("note", "Load generator, server and broker share the machine's cores. Pando acknowledges a batch after "
                        + "fsync; 'kafka_events_per_s' is the broker forcing each append (log.flush.interval.messages=1), "
                        + "the same promise; 'kafka_page_cache' is Kafka's default, which does not fsync before acks.");
        report.put("setup", setup);
        Reports.write(json, report);

        out.println();
        out.println("| log | events/s | server CPU ms per 1k events |");
        out.println("| --- | ---: | ---: |");
        row("Pando segment log over HTTP (fsync)", pando);
        row("Kafka 4.3, acks=all, flush each batch", kafkaFlushed);
        row("Kafka 4.3, acks=all, page cache", kafkaCached);
        out.printf(Locale.ROOT, "%nPando / Kafka (same durability): %.2fx; lost acknowledged events: %d%n", ingest / kafka, lost);
        FileTrees.deleteQuietly(work.resolve("kafka"));
        boolean met = ingest >= TARGET_EVENTS_PER_S && ingest / kafka >= TARGET_RATIO && lost == 0
                && (double) feed.get("feed_p99_ms") <= TARGET_FEED_P99_MS && (double) feed.get("feeds_per_s") >= TARGET_FEEDS_PER_S
                && (double) feed.get("freshness_p99_ms") <= TARGET_FRESHNESS_P99_MS;
        return met ? 0 : 1;
    }

    /**
     * A synthetic instance of the feed shape, served from its first start: the time until the engine and the
     * statistics have read the whole log, then the load run; then the server is stopped (it writes the engine's
     * checkpoint) and started again, and the time until it serves is measured once more.
     */
    private Map<String, Object> feed() {
        Path data = work.resolve("feed-data");
        GenCommand.run(data, feedShape, out);
        Map<String, String> settings = Map.of("events.max-batch", String.valueOf(BATCH));
        Map<String, Object> feed = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "Starting pando serve on it and waiting for the engine to read the log ...%n");
        long start = System.nanoTime();
        try (PandoChild server = PandoChild.start(data, settings, "8g", work.resolve("logs").resolve("pando-feed.log"))) {
            server.awaitCaughtUp();
            double first = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "Serving after %.1f s; For You under wrk (%d connections) for %d s after %d s of warm-up ...%n",
                    first, FEED_CONNECTIONS, feedSeconds, FEED_WARMUP_S);
            feed.put("first_start_to_serving_s", Reports.round(first));
            feed.putAll(new FeedLoad(server, new SyntheticInstance(feedShape, Instant.now()), data.resolve(GenCommand.TOKENS),
                    work, out).run(FEED_WARMUP_S, feedSeconds, FEED_CONNECTIONS));
            feed.put("heap_used_mb", Reports.round(server.metric("jvm_heap_used_bytes") / (1 << 20)));
            out.printf(Locale.ROOT, "Stopping pando serve (it writes the engine's checkpoint) and starting it again ...%n");
        }
        start = System.nanoTime();
        try (PandoChild server = PandoChild.start(data, settings, "8g", work.resolve("logs").resolve("pando-restart.log"))) {
            server.awaitCaughtUp();
            double restart = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "Serving again after %.1f s%n", restart);
            feed.put("restart_to_serving_s", Reports.round(restart));
        }
        feed.put("instance", Map.of("videos", feedShape.videos(), "users", feedShape.users(), "creators", feedShape.creators(),
                "events", feedShape.events()));
        return feed;
    }

    private void row(String name, Map<String, Object> measured) {
        out.printf(Locale.ROOT, "| %s | %.0f | %.3f |%n", name, (double) measured.get("events_per_s"),
                (double) measured.get("server_cpu_ms_per_1k_events"));
    }

    /** Events per second acknowledged in the window after the warm-up, and the server's CPU per thousand. */
    private Map<String, Object> measure(LongSupplier acknowledged, ProcessHandle server) {
        ChildProcesses.sleep(TimeUnit.SECONDS.toMillis(WARMUP_S));
        long events0 = acknowledged.getAsLong();
        double cpu0 = ChildCpu.of(server);
        long t0 = System.nanoTime();
        ChildProcesses.sleep(TimeUnit.SECONDS.toMillis(seconds));
        long events1 = acknowledged.getAsLong();
        double cpu1 = ChildCpu.of(server);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events_per_s", Reports.round((events1 - events0) / elapsed));
        m.put("window_events", events1 - events0);
        m.put("server_cpu_ms_per_1k_events", Reports.round((cpu1 - cpu0) * 1000 / Math.max(1, events1 - events0) * 1000));
        return m;
    }

    /** Events of acknowledged batches missing from the log, which is read after every server has stopped. */
    private static long lost(Path segments, List<Long> acknowledged) {
        Map<Long, Integer> found = new HashMap<>();
        try (SegmentEventLog log = SegmentEventLog.open(segments)) {
            long after = 0;
            List<LoggedEvent> read;
            while (!(read = log.readAfter(after, 100_000)).isEmpty()) {
                for (LoggedEvent e : read) {
                    if (e.event().type() == EventType.PROGRESS) {
                        found.merge(e.event().watchedMs(), 1, Integer::sum);
                    }
                }
                after = read.getLast().sequence();
            }
        }
        long lost = 0;
        for (long batch : acknowledged) {
            lost += Math.max(0, BATCH - found.getOrDefault(batch, 0));
        }
        return lost;
    }

    /** The same events produced to a local broker for the same window, in a child JVM of its own. */
    private Map<String, Object> kafka(String classpath, boolean flushEachBatch) {
        Path dir = work.resolve("kafka").resolve(flushEachBatch ? "flushed" : "cached");
        Path log = work.resolve("logs").resolve("kafka.log");
        out.printf(Locale.ROOT, "Kafka (%s): one producer, acks=all, for %d s after %d s of warm-up ...%n",
                flushEachBatch ? "flush each batch" : "page cache", seconds, WARMUP_S);
        try (KafkaBroker broker = KafkaBroker.start(classpath, dir, flushEachBatch, log)) {
            double cpu0 = ChildCpu.of(broker.handle());
            Process producer = new ProcessBuilder(ChildProcesses.javaBinary(), "-Xmx1g", "-cp", classpath,
                    "org.pando.benchkafka.KafkaEventLoad", broker.bootstrap(), "events", String.valueOf(WARMUP_S),
                    String.valueOf(seconds), String.valueOf(VIDEOS))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            String result;
            try (InputStream stdout = producer.getInputStream()) {
                result = new String(stdout.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            producer.waitFor();
            double cpu = ChildCpu.of(broker.handle()) - cpu0;
            String last = result.substring(result.lastIndexOf('\n') + 1);
            if (producer.exitValue() != 0 || !last.startsWith("{")) {
                throw new IllegalStateException("The Kafka producer failed; see " + log);
            }
            JsonNode measured = new ObjectMapper().readTree(last);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("events_per_s", Reports.round(measured.get("events_per_s").asDouble()));
            m.put("window_events", measured.get("window_acknowledged").asLong());
            m.put("server_cpu_ms_per_1k_events", Reports.round(cpu * 1000 / Math.max(1, measured.get("acknowledged").asLong()) * 1000));
            m.put("errors", measured.get("errors").asLong());
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the Kafka producer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
