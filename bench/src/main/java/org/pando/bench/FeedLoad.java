package org.pando.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The feed half of {@code pando bench serve}: wrk asks for For You's first page as viewers drawn from the synthetic
 * instance's tokens, while a poster sends those viewers' watching at a steady rate and a probe measures freshness:
 * it turns down the first video of a viewer's feed and times until that viewer's next feed no longer shows it. The
 * poster is open-loop: it sends a batch every {@value #POST_EVERY_MS} ms whether or not the earlier ones were answered,
 * up to {@value #MAX_POSTS_IN_FLIGHT} unanswered, so slow answers show as a backlog rather than a slower load.
 *
 * <p>wrk's connections each ask again as soon as answered, so they keep the server saturated: its throughput is the
 * server's capacity, and its latency mostly the wait in the queue of requests (about connections / throughput). A
 * second, paced phase then asks at half that throughput, open-loop, with the poster and the probe still running, and
 * counts each feed's latency from the moment it was due: the latency of a server with room to spare.
 */
final class FeedLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS_PER_POST = 10;
    private static final long POST_EVERY_MS = 10;
    private static final long FRESHNESS_GIVE_UP_MS = 5000;
    private static final int PROBE_TOKENS = 50;
    private static final int MAX_POSTS_IN_FLIGHT = 64;
    /** How long the paced phase asks, in seconds, and the share of the measured throughput it asks at. */
    private static final int PACED_SECONDS = 60;
    private static final double PACED_SHARE = 0.5;

    private final PandoChild server;
    private final SyntheticInstance instance;
    private final List<String> tokens;
    private final Path tokensFile;
    private final Path work;
    private final PrintStream out;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Where the probe records, one per phase. */
    private volatile Freshness freshness = new Freshness();
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong postsSkipped = new AtomicLong();
    private final AtomicInteger postsInFlight = new AtomicInteger();
    private final List<Long> residentMb = new ArrayList<>();
    private volatile boolean running = true;

    FeedLoad(PandoChild server, SyntheticInstance instance, Path tokensFile, Path work, PrintStream out) {
        this.server = server;
        this.instance = instance;
        this.tokensFile = tokensFile;
        this.work = work;
        this.out = out;
        try {
            this.tokens = Files.readAllLines(tokensFile).stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tokens.isEmpty()) {
            throw new IllegalStateException("The synthetic instance has no viewers to ask feeds for; give it --users");
        }
    }

    /**
     * Runs wrk for {@code warmup} seconds unmeasured, so the server's hot paths are compiled, then for {@code seconds}
     * with the poster, the probe and a memory sampler alongside; returns the measures of the second run.
     */
    Map<String, Object> run(int warmup, int seconds, int connections) {
        Path script = work.resolve("feed.lua");
        try (InputStream lua = FeedLoad.class.getResourceAsStream("feed.lua")) {
            Files.createDirectories(work);
            Files.write(script, lua.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wrk(script, warmup, connections);
        List<Thread> helpers = List.of(
                Thread.ofPlatform().name("feed-load-poster").daemon().start(this::post),
                Thread.ofPlatform().name("feed-load-probe").daemon().start(this::probe),
                Thread.ofPlatform().name("feed-load-memory").daemon().start(this::sampleMemory));
        double cpu0 = ChildCpu.of(server.handle());
        String result = wrk(script, seconds, connections);
        double cpu = ChildCpu.of(server.handle()) - cpu0;
        long postedInWindow = posted.get();
        long skippedInWindow = postsSkipped.get();
        Freshness saturated = freshness;

        JsonNode wrk;
        try {
            wrk = JSON.readTree(result.substring(result.lastIndexOf('\n') + 1));
        } catch (IOException e) {
            throw new IllegalStateException("wrk printed no result: " + result, e);
        }
        long requests = wrk.get("requests").asLong();
        double elapsed = wrk.get("duration_us").asLong() / 1e6;
        double rate = Math.max(1, PACED_SHARE * requests / elapsed);
        out.printf(Locale.ROOT, "For You paced at %.0f feeds/s, %.0f%% of wrk's throughput, for %d s ...%n", rate, PACED_SHARE * 100,
                PACED_SECONDS);
        freshness = new Freshness();
        Map<String, Object> paced = paced(rate, PACED_SECONDS);
        paced.putAll(freshness.measures());
        running = false;
        helpers.forEach(FeedLoad::join);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feed_p50_ms", Reports.round(wrk.get("p50_us").asLong() / 1000.0));
        m.put("feed_p90_ms", Reports.round(wrk.get("p90_us").asLong() / 1000.0));
        m.put("feed_p99_ms", Reports.round(wrk.get("p99_us").asLong() / 1000.0));
        m.put("feed_max_ms", Reports.round(wrk.get("max_us").asLong() / 1000.0));
        m.put("feeds_per_s", Reports.round(requests / elapsed));
        m.put("feed_errors", wrk.get("errors").asLong());
        m.put("server_cpu_ms_per_feed", Reports.round(cpu * 1000 / Math.max(1, requests)));
        m.put("events_posted_per_s", Reports.round(postedInWindow / elapsed));
        m.put("events_intended_per_s", Reports.round(EVENTS_PER_POST * 1000.0 / POST_EVERY_MS));
        m.put("posts_skipped_in_flight_cap", skippedInWindow);
        m.putAll(saturated.measures());
        m.put("rss_mb_samples", List.copyOf(residentMb));
        m.put("wrk_connections", connections);
        m.put("warmup_s", warmup);
        m.put("window_s", seconds);
        m.put("paced", paced);
        out.printf(Locale.ROOT, "For You: p50 %.1f ms, p99 %.1f ms, %.0f feeds/s, %.2f server CPU ms per feed; freshness p99 %.1f ms%n",
                (double) m.get("feed_p50_ms"), (double) m.get("feed_p99_ms"), (double) m.get("feeds_per_s"),
                (double) m.get("server_cpu_ms_per_feed"), (double) m.get("freshness_p99_ms"));
        out.printf(Locale.ROOT, "For You paced at %.0f feeds/s: p50 %.1f ms, p99 %.1f ms; freshness p99 %.1f ms%n",
                (double) paced.get("rate_per_s"), (double) paced.get("feed_p50_ms"), (double) paced.get("feed_p99_ms"),
                (double) paced.get("freshness_p99_ms"));
        return m;
    }

    /**
     * For You's first page at a steady rate, open-loop, for {@code seconds}: each request is sent when due whatever
     * the earlier ones became, and its latency counts from that moment.
     */
    private Map<String, Object> paced(double rate, int seconds) {
        Histogram latency = new Histogram(60_000_000L, 3);
        SplittableRandom random = new SplittableRandom(13);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (long due = start; due < end; due += period) {
            LockSupport.parkNanos(due - System.nanoTime());
            long dueAt = due;
            sent.add(client.sendAsync(feedRequest(tokens.get(random.nextInt(tokens.size()))), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        if (failure == null && response.statusCode() == 200) {
                            synchronized (latency) {
                                latency.recordValue(Math.min((System.nanoTime() - dueAt) / 1000, latency.getHighestTrackableValue()));
                            }
                        }
                        return null;
                    }));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // still unanswered after 30 s: counted below, with the failed ones, as sent and not answered
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate_per_s", Reports.round(rate));
        m.put("seconds", seconds);
        synchronized (latency) {
            m.put("feeds", latency.getTotalCount());
            m.put("feed_p50_ms", Reports.round(latency.getValueAtPercentile(50) / 1000.0));
            m.put("feed_p90_ms", Reports.round(latency.getValueAtPercentile(90) / 1000.0));
            m.put("feed_p99_ms", Reports.round(latency.getValueAtPercentile(99) / 1000.0));
            m.put("feed_max_ms", Reports.round(latency.getMaxValue() / 1000.0));
            m.put("feed_errors", sent.size() - latency.getTotalCount());
        }
        return m;
    }

    /** Runs wrk with the script and returns what it printed. */
    private String wrk(Path script, int seconds, int connections) {
        try {
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s", "-s",
                    script.toString(), server.base().toString(), "--", tokensFile.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String result;
            try (InputStream stdout = wrk.getInputStream()) {
                result = new String(stdout.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + result);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run wrk; install it (apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Viewers' watching at a steady rate, open-loop: impressions, plays and endings of popular videos. */
    private void post() {
        SplittableRandom random = new SplittableRandom(11);
        String[] types = {"impression", "play", "complete", "skip", "progress"};
        long next = System.nanoTime();
        while (running) {
            if (postsInFlight.get() >= MAX_POSTS_IN_FLIGHT) {
                postsSkipped.incrementAndGet();
            } else {
                StringBuilder body = new StringBuilder("{\"events\":[");
                for (int i = 0; i < EVENTS_PER_POST; i++) {
                    body.append(i > 0 ? "," : "").append("{\"type\":\"").append(types[random.nextInt(types.length)])
                            .append("\",\"surface\":\"for-you\",\"video\":\"")
                            .append(SyntheticInstance.videoId(instance.popularVideo(random))).append("\",\"watched_ms\":5000}");
                }
                String token = tokens.get(random.nextInt(Math.min(PROBE_TOKENS, tokens.size() - 1), tokens.size()));
                postsInFlight.incrementAndGet();
                client.sendAsync(postEvents(token, body.append("]}").toString()), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) -> {
                            postsInFlight.decrementAndGet();
                            if (failure == null && response.statusCode() == 202) {
                                posted.addAndGet(EVENTS_PER_POST);
                            }
                        });
            }
            next += POST_EVERY_MS * 1_000_000;
            ChildProcesses.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
    }

    /** Turns down the first video of a viewer's feed and times until the viewer's next feed leaves it out. */
    private void probe() {
        for (int i = 0; running; i++) {
            ChildProcesses.sleep(100);
            String token = tokens.get(i % Math.min(PROBE_TOKENS, tokens.size()));
            List<String> before = feed(token);
            if (before.isEmpty()) {
                continue;
            }
            String video = before.getFirst();
            if (send(postEvents(token, "{\"events\":[{\"type\":\"not_interested\",\"surface\":\"for-you\",\"video\":\""
                    + video + "\"}]}")) != 202) {
                continue;
            }
            long accepted = System.nanoTime();
            while (true) {
                List<String> after = feed(token);
                long waited = System.nanoTime() - accepted;
                if (!after.contains(video)) {
                    freshness.record(waited / 1000);
                    break;
                }
                if (waited > FRESHNESS_GIVE_UP_MS * 1_000_000) {
                    freshness.gaveUp(FRESHNESS_GIVE_UP_MS * 1000);
                    break;
                }
            }
        }
    }

    private void sampleMemory() {
        while (running) {
            residentMb.add(server.residentBytes() >> 20);
            for (int i = 0; i < 50 && running; i++) {
                ChildProcesses.sleep(100);
            }
        }
    }

    private HttpRequest feedRequest(String token) {
        return HttpRequest.newBuilder(server.base().resolve("/api/v1/feed?surface=for-you&limit=20"))
                .header("Authorization", "Bearer " + token).build();
    }

    private List<String> feed(String token) {
        try {
            HttpResponse<String> response = client.send(feedRequest(token), HttpResponse.BodyHandlers.ofString());
            List<String> ids = new ArrayList<>();
            JSON.readTree(response.body()).path("items").forEach(item -> ids.add(item.path("id").asText()));
            return ids;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private HttpRequest postEvents(String token, String body) {
        return HttpRequest.newBuilder(server.base().resolve("/api/v1/events")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private int send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The probe's measures of one phase: microseconds from a refusal accepted to a feed without the video. */
    private static final class Freshness {
        private final Histogram waited = new Histogram(60_000_000L, 3);
        private long gaveUp;

        synchronized void record(long micros) {
            waited.recordValue(Math.min(micros, waited.getHighestTrackableValue()));
        }

        synchronized void gaveUp(long micros) {
            gaveUp++;
            record(micros);
        }

        synchronized Map<String, Object> measures() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("freshness_p50_ms", Reports.round(waited.getValueAtPercentile(50) / 1000.0));
            m.put("freshness_p99_ms", Reports.round(waited.getValueAtPercentile(99) / 1000.0));
            m.put("freshness_probes", waited.getTotalCount());
            m.put("freshness_gave_up", gaveUp);
            return m;
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
