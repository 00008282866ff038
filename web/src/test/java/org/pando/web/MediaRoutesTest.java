package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pando.web.ApiCalls.Reply;

/** {@code /media}: HLS files from the renditions directory over a real socket, ranges, and path traversal. */
class MediaRoutesTest {
    private static final String VIDEO = "vid0001";
    private static final String MASTER = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360
            360p/index.m3u8
            """;
    private static final String SECRET = "TOP-SECRET-" + Long.toHexString(new Random().nextLong());

    private static TestBackend backend;
    private static PandoServer server;
    private static ApiCalls api;
    private static byte[] segment;

    @BeforeAll
    static void startServer() throws IOException {
        backend = new TestBackend();
        Path renditions = backend.dir.resolve("media");
        Path video = renditions.resolve(VIDEO);
        Files.createDirectories(video.resolve("360p"));
        Files.writeString(video.resolve("master.m3u8"), MASTER);
        segment = new byte[1000];
        new Random(1000).nextBytes(segment);
        Files.write(video.resolve("360p/seg_00000.m4s"), segment);
        // next to the renditions directory, and one level further up: neither may ever be served
        Files.writeString(renditions.resolveSibling("secret.txt"), SECRET);
        Files.writeString(renditions.getParent().resolveSibling(renditions.getParent().getFileName() + "-secret.txt"),
                SECRET);
        server = new PandoServer(backend.backend, WebConfig.defaults(0));
        server.start();
        api = ApiCalls.overSocket(server.port());
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (api != null) {
            api.close();
        }
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            Files.deleteIfExists(backend.dir.resolveSibling(backend.dir.getFileName() + "-secret.txt"));
            backend.close();
        }
    }

    @Test
    void theMasterPlaylistIsServedUncached() {
        Reply reply = api.get("/media/" + VIDEO + "/master.m3u8").send().expect(200);

        assertThat(reply.header("Content-Type").orElse("")).as("Content-Type of %s", reply)
                .startsWith("application/vnd.apple.mpegurl");
        assertThat(reply.header("Cache-Control")).as("Cache-Control of %s", reply).hasValue("no-cache");
        assertThat(reply.text()).as("body of %s", reply).isEqualTo(MASTER);
    }

    @Test
    void aSegmentIsServedInRanges() {
        Reply whole = api.get("/media/" + VIDEO + "/360p/seg_00000.m4s").send().expect(200);
        assertThat(whole.body()).as("the whole segment").isEqualTo(segment);
        assertThat(whole.header("Cache-Control")).as("Cache-Control of %s", whole).hasValue("public, max-age=300");

        Reply first = api.get("/media/" + VIDEO + "/360p/seg_00000.m4s").header("Range", "bytes=0-99").send().expect(206);

        assertThat(first.header("Content-Range")).as("Content-Range of %s", first).hasValue("bytes 0-99/1000");
        assertThat(first.body()).as("body of %s", first).hasSize(100).isEqualTo(Arrays.copyOf(segment, 100));
    }

    @Test
    void anUnsatisfiableRangeIs416() {
        Reply reply = api.get("/media/" + VIDEO + "/360p/seg_00000.m4s").header("Range", "bytes=5000-5999").send();

        assertThat(reply.status()).as("status of %s", reply).isEqualTo(416);
    }

    @Test
    void aMissingFileIs404() {
        api.get("/media/" + VIDEO + "/720p/seg_00000.m4s").send().expect(404);
        api.get("/media/no-such-video/master.m3u8").send().expect(404);
    }

    @Test
    void traversalNeverLeavesTheRenditionsDirectory() {
        String up = backend.dir.getFileName() + "-secret.txt";
        List<String> paths = List.of(
                "/media/../secret.txt",
                "/media/x/../../secret.txt",
                "/media/" + VIDEO + "/../../secret.txt",
                "/media/" + VIDEO + "/../../../" + up,
                "/media/%2e%2e/secret.txt",
                "/media/x/%2e%2e/%2e%2e/secret.txt",
                "/media/%2E%2E/%2E%2E/" + up,
                "/media/..%2fsecret.txt",
                "/media/%2e%2e%2fsecret.txt",
                "/media/x/..%2f..%2fsecret.txt",
                "/media/..%5csecret.txt",
                "/media/%252e%252e/secret.txt",
                "/media/....//secret.txt",
                "/media//../secret.txt",
                "/media/.%2e/secret.txt");

        for (String path : paths) {
            String response = ApiCalls.rawExchange(server.port(), "GET " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");

            assertThat(response).as("response to GET %s", path).startsWith("HTTP/1.1 ");
            assertThat(response).as("response to GET %s must not carry the file outside /media", path)
                    .doesNotContain(SECRET);
            assertThat(statusOf(response)).as("status of GET %s: %s", path, response).isBetween(400, 499);
        }
    }

    private static int statusOf(String response) {
        return Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
    }
}
