package org.pando.web;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.AfterAll;

/**
 * Pando's whole routing in memory, on a fresh {@link TestBackend} per test class: the base of the route
 * tests that need no real socket.
 */
@RoutingTest
abstract class InMemoryRoutes {
    static TestBackend backend;

    final DirectClient client;
    final ApiCalls api;

    InMemoryRoutes(DirectClient client) {
        this.client = client;
        this.api = ApiCalls.inMemory(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        backend = new TestBackend();
        PandoServer.routing(routing, backend.backend, WebConfig.defaults(0));
    }

    @AfterAll
    static void closeBackend() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }
}
