package org.pando.web;

import java.time.Duration;

/**
 * Settings of the HTTP server ({@code server.*} and {@code events.*}).
 *
 * @param host            address to listen on ({@code server.host}, default 127.0.0.1)
 * @param port            port to listen on, 0 for any free one ({@code server.port}, default 8080)
 * @param secureCookies   mark cookies {@code Secure} ({@code auth.secure-cookie}, default true; browsers accept
 *                        them on http://localhost and 127.0.0.1)
 * @param sessionTtl      lifetime of the session cookie ({@code auth.session-ttl}, default 30 days)
 * @param maxEventBatch   most events one {@code POST /api/v1/events} may carry ({@code events.max-batch},
 *                        default 500)
 * @param skipThreshold   leaving a video before this counts as a skip ({@code events.skip-threshold},
 *                        default 3 s); told to clients in every feed page
 */
public record WebConfig(
        String host, int port, boolean secureCookies, Duration sessionTtl, int maxEventBatch, Duration skipThreshold) {

    /** The embedded defaults on a given port. */
    public static WebConfig defaults(int port) {
        return new WebConfig("127.0.0.1", port, true, Duration.ofDays(30), 500, Duration.ofSeconds(3));
    }
}
