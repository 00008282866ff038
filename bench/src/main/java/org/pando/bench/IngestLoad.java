package org.pando.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Posts batches of events to {@code POST /api/v1/events} from several threads, each a visitor of its own, as fast as
 * the server acknowledges them, until stopped or until the server goes away.
 *
 * <p>Every event of a batch carries the batch's number in {@code watched_ms}, so the batches acknowledged can be
 * looked for in the log afterwards. A 503 (the log's queue is full) is counted and the batch sent again after the
 * wait the server names.
 *
 * <pre>{@code
 * IngestLoad load = IngestLoad.start(base, 4, 1000, instance, batchNumbers);
 * Thread.sleep(20_000);
 * load.stop();
 * long events = load.acknowledgedEvents();
 * }</pre>
 */
final class IngestLoad {
    private final URI events;
    private final int batchSize;
    private final SyntheticInstance instance;
    /** The ids of the instance's videos, made once so that writing batches leaves the cores to the server. */
    private final String[] videoIds;
    private final AtomicLong batchNumbers;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong acknowledgedEvents = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Queue<Long> acknowledgedBatches = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    private IngestLoad(URI base, int batchSize, SyntheticInstance instance, AtomicLong batchNumbers) {
        this.events = base.resolve("/api/v1/events");
        this.batchSize = batchSize;
        this.instance = instance;
        this.videoIds = IntStream.range(0, instance.shape().videos()).mapToObj(SyntheticInstance::videoId)
                .toArray(String[]::new);
        this.batchNumbers = batchNumbers;
    }

    /** Starts {@code threads} posting threads; batch numbers are taken from {@code batchNumbers}. */
    static IngestLoad start(URI base, int threads, int batchSize, SyntheticInstance instance, AtomicLong batchNumbers) {
        IngestLoad load = new IngestLoad(base, batchSize, instance, batchNumbers);
        for (int i = 0; i < threads; i++) {
            long seed = i;
            load.threads.add(Thread.ofPlatform().name("ingest-load-" + i).daemon().start(() -> {
                try {
                    load.post(seed);
                } catch (RuntimeException e) {
                    load.failures.add(e);
                    load.running = false;
                }
            }));
        }
        return load;
    }

    long acknowledgedEvents() {
        return acknowledgedEvents.get();
    }

    /** Batches refused with 503 and sent again. */
    long refused() {
        return refused.get();
    }

    /** The numbers of the batches the server acknowledged. */
    List<Long> acknowledgedBatches() {
        return List.copyOf(acknowledgedBatches);
    }

    /** Stops posting and waits for the batches in flight; a refusal the load could not go on after is thrown here. */
    void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
    }

    private void post(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String cookie = null;
        while (running) {
            long number = batchNumbers.incrementAndGet();
            byte[] body = body(number, random);
            while (running) {
                HttpRequest.Builder request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
                if (cookie != null) {
                    request.header("Cookie", cookie);
                }
                HttpResponse<String> response;
                try {
                    response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    return; // the server went away: a kill round, or the end
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (cookie == null) {
                    cookie = response.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(null);
                }
                if (response.statusCode() == 202) {
                    acknowledgedEvents.addAndGet(batchSize);
                    acknowledgedBatches.add(number);
                    break;
                }
                if (response.statusCode() != 503) {
                    throw new IllegalStateException("POST /api/v1/events answered " + response.statusCode() + ": "
                            + response.body());
                }
                refused.incrementAndGet();
                ChildProcesses.sleep(1000L * response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
            }
        }
    }

    private byte[] body(long number, SplittableRandom random) {
        StringBuilder json = new StringBuilder(batchSize * 96).append("{\"events\":[");
        for (int i = 0; i < batchSize; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"type\":\"progress\",\"surface\":\"for-you\",\"video\":\"")
                    .append(videoIds[instance.popularVideo(random)])
                    .append("\",\"watched_ms\":").append(number).append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
