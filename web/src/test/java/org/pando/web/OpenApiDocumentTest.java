package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served at {@code /api/openapi.json} against the routes declared in the
 * {@code *Routes.java} sources, and against the running routing.
 */
class OpenApiDocumentTest extends InMemoryRoutes {
    private static final Path DOCUMENT = Path.of("src/main/resources/openapi/openapi.json");
    private static final Path SOURCES = Path.of("src/main/java/org/pando/web");
    private static final String MEDIA_PATH = "/media/{path}";
    /** The services of files, which route {@code /*} below their prefix, with how the document names their files. */
    private static final Map<String, String> FILE_SERVICES = Map.of("MediaRoutes.java", MEDIA_PATH,
            "PictureRoutes.java", "/pictures/{path}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    private static final Pattern ROUTE = Pattern.compile(
            "\\.(get|post|put|patch|delete|head|options)\\(\\s*(?:\"(/[^\"]*)\"|TusHeaders\\.BASE(?:\\s*\\+\\s*\"([^\"]*)\")?)");

    OpenApiDocumentTest(DirectClient client) {
        super(client);
    }

    record Route(String method, String path) implements Comparable<Route> {
        @Override
        public int compareTo(Route other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void isAnOpenApi31Document() {
        JsonNode document = document();

        assertThat(document.path("openapi").asText()).as("the openapi version").isEqualTo("3.1.0");
        assertThat(document.path("info").path("title").asText()).as("info.title").isEqualTo("Pando");
        assertThat(document.path("paths").size()).as("number of documented paths").isPositive();
    }

    @Test
    void everyReferenceResolvesWithinTheDocument() {
        JsonNode document = document();
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        List<String> dangling = refs.stream()
                .filter(ref -> !ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode())
                .distinct().toList();

        assertThat(refs).as("$refs in the document").isNotEmpty();
        assertThat(dangling).as("$refs that resolve to nothing in the document: %s", dangling).isEmpty();
    }

    @Test
    void everyOperationHasAnIdSummaryTagsAndResponses() {
        List<String> incomplete = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        List<String> duplicateIds = new ArrayList<>();
        operations(document()).forEach((route, operation) -> {
            if (operation.path("operationId").asText().isEmpty() || operation.path("summary").asText().isEmpty()
                    || operation.path("tags").isEmpty() || operation.path("responses").isEmpty()) {
                incomplete.add(route.toString());
            }
            if (!ids.add(operation.path("operationId").asText())) {
                duplicateIds.add(operation.path("operationId").asText());
            }
        });

        assertThat(incomplete).as("operations lacking operationId, summary, tags or responses: %s", incomplete).isEmpty();
        assertThat(duplicateIds).as("operationIds used more than once: %s", duplicateIds).isEmpty();
    }

    @Test
    void findsTheRoutesOfEveryRoutesSource() {
        List<String> silent = routeSources()
                .filter(file -> !FILE_SERVICES.containsKey(file.getFileName().toString()))
                .filter(file -> routesIn(file).isEmpty())
                .map(file -> file.getFileName().toString()).toList();

        assertThat(silent).as("*Routes sources in which no route was recognised (a new way of declaring one?): %s",
                silent).isEmpty();
        assertThat(sourceRoutes()).as("routes found in the sources")
                .contains(new Route("GET", "/api/v1/feed"), new Route("PATCH", "/api/v1/uploads/{id}"));
    }

    @Test
    void documentsEveryRouteOfTheSources() {
        Set<Route> missing = new TreeSet<>(sourceRoutes());
        missing.removeAll(documentedRoutes());

        assertThat(missing).as("routes declared in *Routes.java but not in openapi.json: %s", missing).isEmpty();
    }

    @Test
    void documentsOnlyRoutesOfTheSources() {
        Set<Route> extra = new TreeSet<>(documentedRoutes());
        extra.removeIf(route -> FILE_SERVICES.containsValue(route.path()));
        extra.removeAll(sourceRoutes());

        assertThat(extra).as("operations in openapi.json that no *Routes.java declares: %s", extra).isEmpty();
    }

    @Test
    void documentsTheServedFiles() {
        FILE_SERVICES.values().forEach(path -> assertThat(document().path("paths").path(path).has("get"))
                .as("GET " + path + " is documented").isTrue());
    }

    @Test
    void recognisesTheRoutersAnswerToAnUnknownEndpoint() {
        assertThat(isNoSuchEndpoint("/api/v1/no-such-thing")).as("GET /api/v1/no-such-thing is no-such-endpoint")
                .isTrue();
    }

    @Test
    void routesEveryDocumentedGetWithoutPathParameters() {
        List<String> paths = new ArrayList<>(documentedRoutes().stream()
                .filter(route -> route.method().equals("GET"))
                .map(Route::path)
                .filter(path -> path.startsWith("/api/") && !path.contains("{"))
                .toList());
        paths.add("/health");
        paths.add("/metrics");

        List<String> unrouted = paths.stream().filter(this::isNoSuchEndpoint).toList();

        assertThat(paths).as("documented GET paths to call").contains("/api/v1/feed", "/api/openapi.json");
        assertThat(unrouted).as("documented GET paths the router answers with no-such-endpoint: %s", unrouted).isEmpty();
    }

    @Test
    void servesTheDocumentFileUnchanged() throws IOException {
        try (Http1ClientResponse response = client.get("/api/openapi.json").request()) {
            assertThat(response.status()).as("status of GET /api/openapi.json").isEqualTo(Status.OK_200);
            assertThat(response.as(byte[].class)).as("body of GET /api/openapi.json compared with " + DOCUMENT)
                    .isEqualTo(Files.readAllBytes(DOCUMENT));
        }
    }

    private boolean isNoSuchEndpoint(String path) {
        try (Http1ClientResponse response = client.get(path).request()) {
            String body = response.as(String.class);
            return response.status().code() == Status.NOT_FOUND_404.code()
                    && Json.MAPPER.readTree(body).path("code").asText().equals("no-such-endpoint");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode document() {
        try {
            return Json.MAPPER.readTree(DOCUMENT.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            refs.add(node.path("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static Map<Route, JsonNode> operations(JsonNode document) {
        Map<Route, JsonNode> operations = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(field -> {
            if (METHODS.contains(field.getKey())) {
                operations.put(new Route(field.getKey().toUpperCase(Locale.ROOT), path.getKey()), field.getValue());
            }
        }));
        return operations;
    }

    private static Set<Route> documentedRoutes() {
        return operations(document()).keySet();
    }

    private static Set<Route> sourceRoutes() {
        Set<Route> routes = new TreeSet<>();
        routeSources().forEach(file -> routes.addAll(routesIn(file)));
        return routes;
    }

    private static Stream<Path> routeSources() {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(file -> file.getFileName().toString().endsWith("Routes.java"))
                    .filter(file -> !file.getFileName().toString().equals("PageRoutes.java"))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Route> routesIn(Path file) {
        boolean files = FILE_SERVICES.containsKey(file.getFileName().toString());
        List<Route> routes = new ArrayList<>();
        Matcher matcher = ROUTE.matcher(read(file));
        while (matcher.find()) {
            String path = matcher.group(2) != null
                    ? matcher.group(2)
                    : TusHeaders.BASE + (matcher.group(3) == null ? "" : matcher.group(3));
            if (!(files && path.equals("/*"))) {
                routes.add(new Route(matcher.group(1).toUpperCase(Locale.ROOT), path));
            }
        }
        return routes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
