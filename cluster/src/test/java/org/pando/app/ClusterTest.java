package org.pando.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.bench.KafkaBroker;
import org.pando.blobs.BlobInfo;
import org.pando.blobs.S3BlobStore;
import org.pando.blobs.S3Config;
import org.pando.media.Clips;

/**
 * Pando beyond one machine, on loopback: PostgreSQL, a Kafka broker and s3proxy, with two web nodes that run no media
 * jobs and one {@code pando worker}, each a process of its own that shares nothing with the others but those three.
 * A clip uploaded through node A is transcoded by the worker into the bucket, played (node B sending players to the
 * bucket for segments), found and recommended through node B, and what a viewer does on node B shows in the creator's
 * statistics on node A.
 */
class ClusterTest {
    private static final String ACCESS_KEY = "pando";
    private static final String SECRET_KEY = "pando-cluster-secret";
    private static final String BUCKET = "pando-media";
    private static final Duration SETTLED_WITHIN = Duration.ofMinutes(4);
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    private static EmbeddedPostgres postgres;
    private static S3Proxy s3;
    private static KafkaBroker kafka;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeAll
    static void startEngines() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        s3 = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(Files.createDirectories(dir.resolve("objects")).toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
        kafka = KafkaBroker.start(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                dir.resolve("kafka"), false, dir.resolve("kafka.log"));
    }

    @AfterAll
    static void stopEngines() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (s3 != null) {
            s3.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aClipUploadedThroughOneNodeIsTranscodedByTheWorkerThenPlayedFoundRecommendedAndCountedThroughTheOther() throws Exception {
        try (ServerProcess a = ServerProcess.start(dir.resolve("node-a"), dir.resolve("node-a.log"), settings("jobs.workers=0"));
                ServerProcess b = ServerProcess.start(dir.resolve("node-b"), dir.resolve("node-b.log"),
                        settings("jobs.workers=0", "blobs.s3.presign-downloads=true"));
                ServerProcess worker = ServerProcess.worker(dir.resolve("worker"), dir.resolve("worker.log"), settings())) {
            PandoClient nodeA = new PandoClient(a.port());
            PandoClient nodeB = new PandoClient(b.port());
            String creator = nodeA.signUp("maker");
            String id = nodeA.upload(creator, Clips.pattern(dir, "clip.mp4", 640, 360, 25, 4), "clip.mp4", "Pasta at home");

            JsonNode video = nodeB.awaitSettled(creator, id, SETTLED_WITHIN);
            assertThat(video.path("status").asText()).as("the video as node B sees it: %s", video).isEqualTo("ready");
            JsonNode published = await(() -> nodeB.video(creator, id), v -> "published".equals(v.path("publication").asText()),
                    SETTLED_WITHIN);
            assertThat(published.path("publication").asText()).as("publication after the worker's screening: %s; see %s",
                    published, dir.resolve("worker.log")).isEqualTo("published");

            String base = "http://127.0.0.1:" + b.port();
            HttpResponse<String> master = get(base + published.path("hls").asText(), "");
            assertThat(master.statusCode()).as("master playlist through node B").isEqualTo(200);
            assertThat(master.body()).as("master playlist").startsWith("#EXTM3U");
            String rung = master.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
            String rungUrl = base + "/media/" + id + "/" + rung;
            HttpResponse<String> playlist = get(rungUrl, "");
            assertThat(playlist.statusCode()).as("%s through node B", rung).isEqualTo(200);
            String segment = playlist.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
            String segmentUrl = rungUrl.substring(0, rungUrl.lastIndexOf('/') + 1) + segment;
            HttpResponse<String> part = get(segmentUrl, "bytes=0-99");
            assertThat(part.previousResponse()).map(HttpResponse::statusCode)
                    .as("node B sends the viewer to the bucket for %s with a presigned address", segment).contains(302);
            assertThat(part.statusCode()).as("a range of %s from the bucket", segment).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range").orElse("")).as("its Content-Range").startsWith("bytes 0-99/");

            try (S3BlobStore bucket = S3BlobStore.open(new S3Config(URI.create(s3Endpoint()), BUCKET, "us-east-1", ACCESS_KEY,
                    SECRET_KEY, false), Clock.systemUTC())) {
                assertThat(bucket.list("media/" + id)).extracting(BlobInfo::key).as("the ladder in the bucket")
                        .contains("media/" + id + "/master.m3u8");
                assertThat(bucket.exists("originals/" + id)).as("the original in the bucket").isTrue();
            }
            assertThat(dir.resolve("node-a").resolve("media")).as("nothing served from node A's own disk").doesNotExist();

            String viewer = nodeB.signUp("viewer");
            JsonNode found = await(() -> nodeB.get("/api/v1/search?q=pasta", viewer), f -> ids(f).contains(id), SEEN_WITHIN);
            assertThat(ids(found)).as("search through node B for a video the worker published").contains(id);

            JsonNode feed = await(() -> nodeB.get("/api/v1/feed?limit=20", viewer), f -> ids(f).contains(id), SEEN_WITHIN);
            assertThat(ids(feed)).as("For You through node B").contains(id);

            nodeB.post("/api/v1/events", "{\"events\":[" + event("play", id, 0) + "," + event("complete", id, 4_000) + "]}",
                    viewer);
            JsonNode stats = await(() -> nodeA.get("/api/v1/studio/videos/" + id + "/stats", creator),
                    s -> s.path("views").asLong() > 0, SEEN_WITHIN);
            assertThat(stats.path("views").asLong()).as("views on node A of what was watched on node B: %s", stats).isEqualTo(1);
            assertThat(stats.path("watch_time_ms").asLong()).as("watch time on node A").isEqualTo(4_000);
            assertThat(worker.stop()).as("the worker's exit status on SIGTERM").isIn(0, 143);
        }
    }

    private static String[] settings(String... more) throws IOException {
        List<String> settings = new ArrayList<>(List.of(
                "database.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "database.user=postgres",
                "database.password=postgres",
                "events.kafka.bootstrap=" + kafka.bootstrap(),
                "events.kafka.partitions=3",
                "blobs.s3.endpoint=" + s3Endpoint(),
                "blobs.s3.bucket=" + BUCKET,
                "blobs.s3.access-key=" + ACCESS_KEY,
                "blobs.s3.secret-key=" + SECRET_KEY,
                "recommend.catalog-refresh=2s",
                "understanding.models-dir=" + Path.of(System.getProperty("pando.models", "../app/target/models")).toAbsolutePath()));
        settings.addAll(List.of(more));
        return settings.toArray(String[]::new);
    }

    private static String s3Endpoint() {
        return "http://127.0.0.1:" + s3.getPort();
    }

    private static String event(String type, String videoId, long watchedMs) {
        return "{\"type\":\"" + type + "\",\"video\":\"" + videoId + "\",\"surface\":\"for-you\",\"watched_ms\":" + watchedMs
                + ",\"duration_ms\":4000}";
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** What {@code read} gives once {@code done} holds of it, or what it gave last when time ran out. */
    private static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> done, Duration within) {
        Instant deadline = Instant.now().plus(within);
        JsonNode last = read.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            PandoClient.sleep(500);
            last = read.get();
        }
        return last;
    }

    private HttpResponse<String> get(String url, String range) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (!range.isEmpty()) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
