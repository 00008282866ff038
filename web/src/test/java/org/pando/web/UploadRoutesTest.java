package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** The tus 1.0 upload endpoint over a real socket, including a connection that breaks mid-body. */
class UploadRoutesTest {
    private static final String BASE = "/api/v1/uploads";
    private static final long MAX_BYTES = 10L << 20;

    private static TestBackend backend;
    private static PandoServer server;
    private static ApiCalls api;

    @BeforeAll
    static void startServer() {
        backend = new TestBackend();
        server = new PandoServer(backend.backend, WebConfig.defaults(0));
        server.start();
        api = ApiCalls.overSocket(server.port());
    }

    @AfterAll
    static void stopServer() {
        if (api != null) {
            api.close();
        }
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    /** An upload creation refused before any byte is sent; {@code length} null leaves Upload-Length out. */
    private record Refusal(String problem, String filename, Long length, int status, String code) {
    }

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal("a file name climbing out of the directory", "../evil.mp4", 1000L, 400, "upload-bad-filename"),
            new Refusal("a file name with a control character", "a\u0001b.mp4", 1000L, 400, "upload-bad-filename"),
            new Refusal("a file name with a slash", "dir/clip.mp4", 1000L, 400, "upload-bad-filename"),
            new Refusal("an empty file", "clip.mp4", 0L, 400, "upload-empty"),
            new Refusal("a file above the 10 MiB limit", "clip.mp4", MAX_BYTES + 1, 413, "upload-too-large"),
            new Refusal("no Upload-Length", "clip.mp4", null, 400, "header-missing"));

    @Test
    void optionsAdvertisesTheProtocol() {
        Reply reply = api.options(BASE).send().expect(204);

        assertThat(reply.header("Tus-Resumable")).as("Tus-Resumable of %s", reply).hasValue("1.0.0");
        assertThat(reply.header("Tus-Version").map(UploadRoutesTest::items).orElse(List.of()))
                .as("Tus-Version of %s", reply).contains("1.0.0");
        assertThat(reply.header("Tus-Extension").map(UploadRoutesTest::items).orElse(List.of()))
                .as("Tus-Extension of %s", reply).contains("creation", "termination");
        assertThat(reply.header("Tus-Max-Size")).as("Tus-Max-Size of %s", reply).hasValue(String.valueOf(MAX_BYTES));
    }

    @Test
    void creatingWithoutCredentialsIsUnauthorizedAndStillSpeaksTus() {
        Reply reply = api.post(BASE).header("Tus-Resumable", "1.0.0").header("Upload-Length", "1000")
                .header("Upload-Metadata", metadata("clip.mp4", "Clip")).send().expectProblem(401, "not-signed-in");

        assertThat(reply.header("Tus-Resumable")).as("Tus-Resumable of %s", reply).hasValue("1.0.0");
    }

    @Test
    void anotherProtocolVersionIsPreconditionFailed() {
        Caller caller = api.signUp(ApiCalls.uniqueName("ver"));

        Reply reply = api.post(BASE).as(caller).header("Tus-Resumable", "0.2.2").header("Upload-Length", "1000")
                .header("Upload-Metadata", metadata("clip.mp4", "Clip")).send().expect(412);

        assertThat(reply.header("Tus-Version").map(UploadRoutesTest::items).orElse(List.of()))
                .as("Tus-Version of %s", reply).contains("1.0.0");
        assertThat(reply.header("Location")).as("Location of a refused creation %s", reply).isEmpty();
    }

    @Test
    void unsafeNamesAndBadLengthsAreRefusedBeforeAnyByte() {
        Caller caller = api.signUp(ApiCalls.uniqueName("ref"));

        for (Refusal refusal : REFUSALS) {
            ApiCalls.Request request = api.post(BASE).as(caller).header("Tus-Resumable", "1.0.0")
                    .header("Upload-Metadata", metadata(refusal.filename(), "Refused"));
            if (refusal.length() != null) {
                request.header("Upload-Length", String.valueOf(refusal.length()));
            }

            Reply reply = request.send();

            assertThat(reply.status()).as("status for %s: %s", refusal.problem(), reply).isEqualTo(refusal.status());
            assertThat(reply.json().path("code").asText()).as("code for %s: %s", refusal.problem(), reply)
                    .isEqualTo(refusal.code());
            assertThat(reply.header("Location")).as("Location for %s: %s", refusal.problem(), reply).isEmpty();
            assertThat(reply.header("Tus-Resumable")).as("Tus-Resumable for %s: %s", refusal.problem(), reply)
                    .hasValue("1.0.0");
        }
    }

    @Test
    void aWholeUploadInTwoPatchesBecomesAVideoOnlyItsOwnerSees() {
        Caller owner = api.signUp(ApiCalls.uniqueName("up"));
        Caller stranger = api.signUp(ApiCalls.uniqueName("stranger"));
        byte[] content = content(64 * 1024);
        int half = content.length / 2;
        String upload = create(owner, content.length, "dawn.mp4", "Market at dawn");

        Reply start = head(owner, upload);
        assertThat(start.header("Upload-Offset")).as("Upload-Offset of a new upload: %s", start).hasValue("0");
        assertThat(start.header("Upload-Length")).as("Upload-Length of %s", start).hasValue(String.valueOf(content.length));

        api.patch(upload).as(owner).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .body(Arrays.copyOf(content, half), "application/octet-stream").send()
                .expectProblem(415, "upload-content-type");
        assertThat(offsetOf(head(owner, upload))).as("offset after a PATCH with the wrong Content-Type").isZero();

        Reply first = patch(owner, upload, 0, Arrays.copyOfRange(content, 0, half)).expect(204);
        assertThat(first.header("Upload-Offset")).as("Upload-Offset after the first PATCH: %s", first)
                .hasValue(String.valueOf(half));
        assertThat(first.header("Pando-Video-Id")).as("Pando-Video-Id of an unfinished upload: %s", first).isEmpty();
        assertThat(offsetOf(head(owner, upload))).as("HEAD offset after the first PATCH").isEqualTo(half);

        patch(owner, upload, 0, Arrays.copyOfRange(content, half, content.length))
                .expectProblem(409, "upload-offset-mismatch");
        assertThat(offsetOf(head(owner, upload))).as("HEAD offset after a stale PATCH").isEqualTo(half);

        Reply last = patch(owner, upload, half, Arrays.copyOfRange(content, half, content.length)).expect(204);
        assertThat(last.header("Upload-Offset")).as("Upload-Offset after the last PATCH: %s", last)
                .hasValue(String.valueOf(content.length));
        String videoId = last.header("Pando-Video-Id").orElse("");
        assertThat(videoId).as("Pando-Video-Id of the final PATCH: %s", last).isNotBlank();

        Reply done = head(owner, upload);
        assertThat(offsetOf(done)).as("HEAD offset of a finished upload").isEqualTo(content.length);
        assertThat(done.header("Pando-Video-Id")).as("Pando-Video-Id of HEAD after finishing: %s", done).hasValue(videoId);

        Reply video = api.get("/api/v1/videos/" + videoId).as(owner).send().expect(200);
        assertThat(video.json().path("status").asText()).as("status the owner sees in %s", video).isEqualTo("processing");
        assertThat(video.json().path("title").asText()).as("title from the metadata in %s", video).isEqualTo("Market at dawn");
        api.get("/api/v1/videos/" + videoId).as(stranger).send().expectProblem(404, "video-not-found");
        api.get("/api/v1/videos/" + videoId).send().expectProblem(404, "video-not-found");
        head(stranger, upload, 404);
    }

    @Test
    void deleteTerminatesAnUpload() {
        Caller owner = api.signUp(ApiCalls.uniqueName("del"));
        String upload = create(owner, 4096, "gone.mp4", "Gone");
        patch(owner, upload, 0, content(1024)).expect(204);

        Reply reply = api.delete(upload).as(owner).header("Tus-Resumable", "1.0.0").send().expect(204);

        assertThat(reply.header("Tus-Resumable")).as("Tus-Resumable of %s", reply).hasValue("1.0.0");
        head(owner, upload, 404);
        patch(owner, upload, 1024, content(1024)).expectProblem(404, "upload-not-found");
    }

    @Test
    void aBrokenConnectionKeepsTheBytesThatArrivedAndTheUploadResumes() throws Exception {
        Caller owner = api.signUp(ApiCalls.uniqueName("drop"));
        byte[] content = content(1 << 20);
        int sent = content.length / 2;
        String upload = create(owner, content.length, "train.mp4", "Night train");

        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + upload + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + server.port() + "\r\n"
                    + "Authorization: Bearer " + owner.token() + "\r\n"
                    + "Tus-Resumable: 1.0.0\r\n"
                    + "Upload-Offset: 0\r\n"
                    + "Content-Type: application/offset+octet-stream\r\n"
                    + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(content, 0, sent);
            out.flush();
            Thread.sleep(200);
        }

        long offset = awaitSettledOffsetAbove(owner, upload, 0);
        assertThat(offset).as("offset after the connection broke with %d of %d bytes sent", sent, content.length)
                .isPositive().isLessThanOrEqualTo(sent);

        Reply rest = patch(owner, upload, offset, Arrays.copyOfRange(content, (int) offset, content.length)).expect(204);

        assertThat(rest.header("Upload-Offset")).as("Upload-Offset after resuming: %s", rest)
                .hasValue(String.valueOf(content.length));
        assertThat(rest.header("Pando-Video-Id")).as("Pando-Video-Id after resuming: %s", rest).isPresent();
        Path received = backend.dir.resolve("uploads").resolve(upload.substring(upload.lastIndexOf('/') + 1) + ".part");
        assertThat(Files.readAllBytes(received)).as("the file assembled from the broken and the resumed PATCH")
                .isEqualTo(content);
    }

    private static String create(Caller owner, long length, String filename, String title) {
        Reply reply = api.post(BASE).as(owner).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", metadata(filename, title)).send().expect(201);
        assertThat(reply.header("Tus-Resumable")).as("Tus-Resumable of %s", reply).hasValue("1.0.0");
        assertThat(reply.header("Upload-Expires")).as("Upload-Expires of %s", reply).isPresent();
        String location = reply.header("Location").orElse("");
        assertThat(location).as("Location of %s", reply).startsWith(BASE + "/");
        return location;
    }

    private static Reply patch(Caller owner, String upload, long offset, byte[] bytes) {
        return api.patch(upload).as(owner).header("Tus-Resumable", "1.0.0").header("Upload-Offset", String.valueOf(offset))
                .body(bytes, "application/offset+octet-stream").send();
    }

    private static Reply head(Caller owner, String upload) {
        return head(owner, upload, 200);
    }

    private static Reply head(Caller owner, String upload, int status) {
        Reply reply = api.head(upload).as(owner).header("Tus-Resumable", "1.0.0").send().expect(status);
        assertThat(reply.header("Tus-Resumable")).as("Tus-Resumable of %s", reply).hasValue("1.0.0");
        if (status == 200) {
            assertThat(reply.header("Cache-Control")).as("Cache-Control of %s", reply).hasValue("no-store");
        }
        return reply;
    }

    private static long offsetOf(Reply head) {
        String offset = head.header("Upload-Offset").orElse("");
        assertThat(offset).as("Upload-Offset of %s", head).matches("\\d+");
        return Long.parseLong(offset);
    }

    /**
     * The offset once it is above {@code floor} and has stopped moving, waiting up to five seconds for the server
     * to notice the broken request.
     */
    private static long awaitSettledOffsetAbove(Caller owner, String upload, long floor) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long previous = -1;
        long offset = offsetOf(head(owner, upload));
        while ((offset <= floor || offset != previous) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            previous = offset;
            offset = offsetOf(head(owner, upload));
        }
        return offset;
    }

    /** tus Upload-Metadata: keys with base64 values. */
    private static String metadata(String filename, String title) {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("filename", filename);
        pairs.put("title", title);
        return pairs.entrySet().stream().map(e -> e.getKey() + " "
                + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
    }

    private static List<String> items(String header) {
        return Arrays.stream(header.split(",")).map(String::trim).toList();
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
