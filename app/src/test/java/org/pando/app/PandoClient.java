package org.pando.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Pando's HTTP API as a script uses it: bearer tokens and the tus upload protocol. */
final class PandoClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    PandoClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Makes an account and returns a bearer token for it. */
    String signUp(String username) {
        post("/api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"correct horse\",\"email\":\""
                + username + "@example.org\",\"country\":\"KR\",\"languages\":[\"ko\"]}", "");
        return post("/api/v1/sessions", "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}", "")
                .path("token").asText();
    }

    /** The response of a tus upload's creation (status and problem when refused). */
    record Created(int status, String location, JsonNode problem) {
    }

    Created createUpload(String token, long length, String filename, String title) {
        String metadata = "filename " + b64(filename) + ",title " + b64(title);
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/v1/uploads"))
                .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(length)).header("Upload-Metadata", metadata)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        return new Created(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                response.body().isEmpty() ? JSON.createObjectNode() : read(response.body()));
    }

    /** Uploads a whole file with tus and returns the id of the video made from it. */
    String upload(String token, Path file, String filename, String title) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Created created = createUpload(token, bytes.length, filename, title);
            assertThat(created.status()).as("creating the upload of %s: %s", filename, created.problem()).isEqualTo(201);
            HttpResponse<String> patch = send(HttpRequest.newBuilder(base.resolve(created.location()))
                    .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                    .header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
            assertThat(patch.statusCode()).as("sending %s: %s", filename, patch.body()).isEqualTo(204);
            return patch.headers().firstValue("Pando-Video-Id").orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode video(String token, String id) {
        return get("/api/v1/videos/" + id, token);
    }

    /** Waits until the video is no longer processing and returns it. */
    JsonNode awaitSettled(String token, String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode video = video(token, id);
        while ("processing".equals(video.path("status").asText()) && Instant.now().isBefore(deadline)) {
            sleep(250);
            video = video(token, id);
        }
        return video;
    }

    int status(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build()).statusCode();
    }

    /** The status of a GET as the token's account, such as a creator fetching a video not yet published. */
    int status(String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET().build())
                .statusCode();
    }

    JsonNode get(String path, String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return read(response.body());
    }

    JsonNode post(String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 299);
        return read(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Request to Pando failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
