package org.pando.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health}, {@code /metrics} (Prometheus text) and {@code /api/openapi.json}. */
final class OpsRoutes implements HttpService {
    static final String OPENAPI_RESOURCE = "openapi/openapi.json";

    private final Backend backend;
    private final byte[] openApi;

    OpsRoutes(Backend backend) {
        this.backend = backend;
        this.openApi = openApiDocument();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::health)
                .get("/metrics", this::metrics)
                .get("/api/openapi.json", this::openApi);
    }

    private void health(ServerRequest req, ServerResponse res) {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck check : backend.healthChecks()) {
            boolean healthy;
            try {
                healthy = check.healthy().getAsBoolean();
            } catch (RuntimeException e) {
                healthy = false;
            }
            checks.put(check.name(), healthy ? "UP" : "DOWN");
            up &= healthy;
        }
        Json.send(res, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503,
                Map.of("status", up ? "UP" : "DOWN", "checks", checks));
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8").send(backend.metrics().scrape());
    }

    private void openApi(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/json").send(openApi);
    }

    static byte[] openApiDocument() {
        try (InputStream in = OpsRoutes.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
