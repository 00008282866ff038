package org.pando.web;

import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

/**
 * Pando's HTTP server; a lifecycle component.
 *
 * <pre>{@code
 * try (PandoServer server = new PandoServer(backend, WebConfig.defaults(8080))) {
 *     server.start();
 *     System.out.println("Listening on " + server.port());
 * }
 * }</pre>
 */
public final class PandoServer implements AutoCloseable {
    private final Backend backend;
    private final WebConfig config;
    private WebServer server;

    public PandoServer(Backend backend, WebConfig config) {
        this.backend = backend;
        this.config = config;
    }

    /** Binds the port and starts serving. */
    public synchronized void start() {
        server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .routing(routing -> routing(routing, backend, config))
                .build()
                .start();
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return server.port();
    }

    /** Every route of Pando on one routing builder; also used by in-memory routing tests. */
    public static void routing(HttpRouting.Builder routing, Backend backend, WebConfig config) {
        Callers callers = new Callers(backend.accounts(), config);
        EventRecorder recorder = new EventRecorder(backend);
        Problems.register(routing);
        routing.addFilter(new FramingPolicy());
        routing.addFilter((chain, req, res) -> {
            chain.proceed();
            backend.metrics().add("pando_http_requests_total", "HTTP requests answered",
                    "status=\"" + res.status().code() + "\"", 1);
        });
        routing.register(new AccountRoutes(backend, callers))
                .register(new UploadRoutes(backend, callers))
                .register(new VideoRoutes(backend, callers, recorder, config))
                .register(new AnalysisRoutes(backend, callers))
                .register(new ReportRoutes(backend, callers))
                .register(new ModerationRoutes(backend, callers))
                .register(new ChannelRoutes(backend, callers, recorder))
                .register(new StudioRoutes(backend, callers))
                .register(new WalletRoutes(backend, callers))
                .register(new AdminRoutes(backend, callers))
                .register(new FeedRoutes(backend, callers, recorder, config))
                .register(new SearchRoutes(backend))
                .register(new EventRoutes(backend, callers, recorder, config))
                .register(new OpsRoutes(backend))
                .register(new EmbedRoutes(backend, callers))
                .any("/api/*", (req, res) -> Problems.send(req, res, Status.NOT_FOUND_404,
                        Problems.problem(req, Status.NOT_FOUND_404, "no-such-endpoint",
                                "There is no " + req.prologue().method().text() + " " + req.path().path()
                                        + "; see /api/openapi.json.")))
                .register("/media", new MediaRoutes(backend, callers))
                .register("/pictures", new PictureRoutes(backend))
                .register(new PageRoutes());
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
