package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pando.account.Account;
import org.pando.catalog.NewVideo;
import org.pando.catalog.Publication;
import org.pando.catalog.Video;
import org.pando.events.LoggedEvent;
import org.pando.events.UserEvent;
import org.pando.recommend.engine.Engine;

/**
 * What the route tests share: requests over Helidon's in-memory client or a real socket, replies with
 * readable failure messages, accounts made through the API, and videos made through the services.
 *
 * <pre>{@code
 * ApiCalls api = ApiCalls.inMemory(client);
 * Caller ana = api.signUp(ApiCalls.uniqueName("ana"));
 * api.get("/api/v1/me").as(ana).send().expect(200);
 * }</pre>
 */
final class ApiCalls implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Sends one request and reads the whole reply. */
    @FunctionalInterface
    interface Transport {
        Reply exchange(String method, String path, Map<String, String> headers, byte[] body);
    }

    /**
     * An account made for a test.
     *
     * @param id       the account id
     * @param username its username, which also names its default channel
     * @param token    a bearer token of a fresh session
     */
    record Caller(String id, String username, String token) {
        /** The handle of the default channel, named after the account. */
        String channel() {
            return username;
        }
    }

    /**
     * One reply.
     *
     * @param request what was asked, for failure messages
     * @param status  the status code
     * @param headers the headers, names case-insensitive
     * @param body    the body bytes, empty when there is none
     */
    record Reply(String request, int status, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            return all(name).stream().findFirst();
        }

        List<String> all(String name) {
            return headers.getOrDefault(name, List.of());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("The reply to " + request + " is not JSON: " + this, e);
            }
        }

        /** The {@code id} of each element of a page's {@code items}, in order. */
        List<String> itemIds() {
            List<String> ids = new ArrayList<>();
            json().path("items").forEach(item -> ids.add(item.path("id").asText()));
            return ids;
        }

        /** Asserts the status, naming the request and showing the body when it differs. */
        Reply expect(int expected) {
            assertThat(status).as("status of %s", this).isEqualTo(expected);
            return this;
        }

        /** Asserts an RFC 9457 problem with this status and code. */
        Reply expectProblem(int expected, String code) {
            expect(expected);
            assertThat(header("Content-Type").orElse("")).as("Content-Type of %s", this).startsWith(PROBLEM_JSON);
            assertThat(json().path("code").asText()).as("problem code of %s", this).isEqualTo(code);
            assertThat(json().path("status").asInt()).as("problem status field of %s", this).isEqualTo(expected);
            return this;
        }

        @Override
        public String toString() {
            String text = text();
            return request + " -> " + status + " " + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
        }
    }

    private final Transport transport;
    private final Runnable closer;

    private ApiCalls(Transport transport, Runnable closer) {
        this.transport = transport;
        this.closer = closer;
    }

    /** Requests through the {@code @RoutingTest} in-memory client. */
    static ApiCalls inMemory(DirectClient client) {
        return new ApiCalls((method, path, headers, body) -> {
            int question = path.indexOf('?');
            Http1ClientRequest request = client.method(Method.create(method))
                    .uri(question < 0 ? path : path.substring(0, question));
            if (question >= 0) {
                // the in-memory client would encode a '?' in the path; it takes the query as parameters
                for (String pair : path.substring(question + 1).split("&")) {
                    String[] nameValue = pair.split("=", 2);
                    request.queryParam(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                            nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
                }
            }
            headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
            try (Http1ClientResponse response = body == null ? request.request() : request.submit(body)) {
                Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                response.headers().forEach(h -> map.computeIfAbsent(h.name(), n -> new ArrayList<>()).addAll(h.allValues()));
                byte[] bytes = response.entity().hasEntity() ? response.entity().as(byte[].class) : new byte[0];
                return new Reply(method + " " + path, response.status().code(), map, bytes);
            }
        }, () -> { });
    }

    /** Requests over a real socket to a server on this port. */
    static ApiCalls overSocket(int port) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI base = URI.create("http://127.0.0.1:" + port);
        return new ApiCalls((method, path, headers, body) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                response.headers().map().forEach((name, values) -> map.computeIfAbsent(name, n -> new ArrayList<>())
                        .addAll(values));
                return new Reply(method + " " + path, response.statusCode(), map,
                        response.body() == null ? new byte[0] : response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, http::close);
    }

    @Override
    public void close() {
        closer.run();
    }

    /** A username no other test uses: the prefix, a sequence number and a random tail. */
    static String uniqueName(String prefix) {
        return prefix.toLowerCase(Locale.ROOT) + "-" + SEQUENCE.incrementAndGet() + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    }

    Request request(String method, String path) {
        return new Request(method, path);
    }

    Request get(String path) {
        return request("GET", path);
    }

    Request post(String path) {
        return request("POST", path);
    }

    Request put(String path) {
        return request("PUT", path);
    }

    Request patch(String path) {
        return request("PATCH", path);
    }

    Request delete(String path) {
        return request("DELETE", path);
    }

    Request head(String path) {
        return request("HEAD", path);
    }

    Request options(String path) {
        return request("OPTIONS", path);
    }

    /** Signs up with an example address and the shared password, then signs in for a bearer token. */
    Caller signUp(String username) {
        return signUp(username, Map.of());
    }

    /** Signs up with further fields (such as {@code country} and {@code languages}), then signs in. */
    Caller signUp(String username, Map<String, ?> profile) {
        Map<String, Object> body = new LinkedHashMap<>(profile);
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("email", username + "@example.org");
        JsonNode account = post("/api/v1/accounts").json(body).send().expect(201).json();
        return new Caller(account.path("id").asText(), username, signIn(username));
    }

    /** A bearer token of a new session. */
    String signIn(String username) {
        return post("/api/v1/sessions").json(Map.of("username", username, "password", PASSWORD)).send().expect(200)
                .json().path("token").asText();
    }

    /**
     * A video in the owner's default channel, made ready through the services and published to the feeds and search
     * (as the check of its pictures does when it finds nothing).
     */
    static Video readyVideo(Backend backend, Caller owner, String title) {
        Video video = processingVideo(backend, owner, title);
        backend.videos().ready(video.id());
        backend.videos().publication(video.id(), Publication.PUBLISHED);
        if (backend.recommender() instanceof Engine engine) {
            engine.refreshCatalog();
        }
        backend.search().changed(video.id());
        assertThat(backend.search().awaitIdle(Duration.ofSeconds(30))).as("search indexed %s", video.id()).isTrue();
        return backend.videos().get(video.id());
    }

    /** A video in the owner's default channel, left in processing. */
    static Video processingVideo(Backend backend, Caller owner, String title) {
        Account account = backend.accounts().account(owner.id());
        return backend.videos().create(account, new NewVideo(Optional.empty(), title, ""));
    }

    /** Every logged event of one user, in log order. */
    static List<UserEvent> eventsOf(Backend backend, String userId) {
        List<UserEvent> events = new ArrayList<>();
        long after = 0;
        List<LoggedEvent> batch;
        do {
            batch = backend.events().readAfter(after, 1000);
            for (LoggedEvent logged : batch) {
                if (logged.event().userId().equals(userId)) {
                    events.add(logged.event());
                }
                after = logged.sequence();
            }
        } while (!batch.isEmpty());
        return events;
    }

    /**
     * Writes a request exactly as given (no client normalises its path) on a new connection and reads one reply:
     * its head, then as many body bytes as Content-Length says, or to the end of a chunked body, or until the
     * server closes the connection. (The server may keep the connection open after its reply even when asked to
     * close it, so the reply is not read to the end of the stream.)
     */
    static String rawExchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            if (!readUntil(in, reply, "\r\n\r\n")) {
                return reply.toString();
            }
            String head = reply.toString().toLowerCase(Locale.ROOT);
            Matcher length = Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
            if (request.startsWith("HEAD ")) {
                return reply.toString();
            } else if (length.find()) {
                reply.append(new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1));
            } else if (head.contains("\r\ntransfer-encoding: chunked")) {
                readUntil(in, reply, "\r\n0\r\n\r\n");
            } else {
                reply.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
            return reply.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("raw request " + request.lines().findFirst().orElse(""), e);
        }
    }

    /** Appends bytes (as ISO-8859-1) until the text ends with {@code end}; false when the stream ends first. */
    private static boolean readUntil(InputStream in, StringBuilder text, String end) throws IOException {
        while (text.length() < end.length() || !text.substring(text.length() - end.length()).equals(end)) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            text.append((char) b);
        }
        return true;
    }

    /** A request being built. */
    final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Request as(Caller caller) {
            return bearer(caller.token());
        }

        Request json(Object value) {
            try {
                return body(Json.MAPPER.writeValueAsBytes(value), "application/json");
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        Request body(byte[] bytes, String contentType) {
            this.body = bytes;
            return header("Content-Type", contentType);
        }

        Reply send() {
            return transport.exchange(method, path, headers, body);
        }
    }
}
