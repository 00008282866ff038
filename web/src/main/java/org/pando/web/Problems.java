package org.pando.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pando.domain.DomainException;
import org.pando.domain.InvalidInput;
import org.pando.domain.RandomIds;

/**
 * The one place where failures become HTTP responses: RFC 9457 {@code application/problem+json}.
 *
 * <p>A {@link DomainException} keeps its message (written for users) and its code; anything else is an
 * internal error whose details stay in the log under an incident id, never in the response.
 */
final class Problems {
    private static final System.Logger LOG = System.getLogger(Problems.class.getName());
    private static final String TYPE_PREFIX = "urn:pando:problem:";

    private Problems() {
    }

    /** Registers the handlers on the routing. */
    static void register(HttpRouting.Builder routing) {
        routing.error(DomainException.class, Problems::domain);
        routing.error(HttpException.class, Problems::protocol);
        routing.error(Exception.class, Problems::unexpected);
    }

    static Status status(DomainException.Reason reason) {
        return switch (reason) {
            case INVALID -> Status.BAD_REQUEST_400;
            case UNAUTHENTICATED -> Status.UNAUTHORIZED_401;
            case FORBIDDEN -> Status.FORBIDDEN_403;
            case NOT_FOUND -> Status.NOT_FOUND_404;
            case CONFLICT -> Status.CONFLICT_409;
            case TOO_LARGE -> Status.REQUEST_ENTITY_TOO_LARGE_413;
            case UNSUPPORTED -> Status.UNSUPPORTED_MEDIA_TYPE_415;
            case RATE_LIMITED -> Status.TOO_MANY_REQUESTS_429;
            case OVERLOADED -> Status.SERVICE_UNAVAILABLE_503;
        };
    }

    private static void domain(ServerRequest req, ServerResponse res, DomainException e) {
        if (e instanceof TusVersionMismatch) {
            res.header(TusHeaders.TUS_VERSION, TusHeaders.VERSION);
            send(req, res, Status.PRECONDITION_FAILED_412, problem(req, Status.PRECONDITION_FAILED_412, e.code(), e.getMessage()));
            return;
        }
        Map<String, Object> problem = problem(req, status(e.reason()), e.code(), e.getMessage());
        e.retryAfter().ifPresent(wait -> res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds()))));
        if (e instanceof InvalidInput invalid) {
            problem.put("field", invalid.field());
        }
        send(req, res, status(e.reason()), problem);
    }

    /** Helidon's own refusals: no such page, an unsatisfiable range, a bad request line. */
    private static void protocol(ServerRequest req, ServerResponse res, HttpException e) {
        Status status = e.status();
        if (status.code() < 400) {
            // Helidon's static content signals 304 Not Modified by throwing; it has no body.
            res.status(status).send();
            return;
        }
        if (status.code() == Status.NOT_FOUND_404.code() && wantsPage(req)) {
            res.status(status).header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8").send(PageRoutes.notFoundPage());
            return;
        }
        String code = status.reasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        send(req, res, status, problem(req, status, code, status.reasonPhrase() + "."));
    }

    private static boolean wantsPage(ServerRequest req) {
        String path = req.path().path();
        return !path.startsWith("/api/") && !path.startsWith(Views.MEDIA_PREFIX)
                && req.headers().first(HeaderNames.ACCEPT).orElse("").contains("text/html");
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Exception e) {
        String incident = RandomIds.id();
        LOG.log(System.Logger.Level.ERROR, "Incident " + incident + " on " + req.prologue().method().text() + " "
                + req.path().path(), e);
        Map<String, Object> problem = problem(req, Status.INTERNAL_SERVER_ERROR_500, "internal-error",
                "Something went wrong on the server. If it keeps happening, report incident " + incident + ".");
        problem.put("incident", incident);
        send(req, res, Status.INTERNAL_SERVER_ERROR_500, problem);
    }

    /** A problem body; also used for routes that answer 404 or 405 without an exception. */
    static Map<String, Object> problem(ServerRequest req, Status status, String code, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + code);
        problem.put("title", status.reasonPhrase());
        problem.put("status", status.code());
        problem.put("detail", detail);
        problem.put("code", code);
        problem.put("instance", req.path().path());
        return problem;
    }

    static void send(ServerRequest req, ServerResponse res, Status status, Map<String, Object> problem) {
        if (res.isSent()) {
            return;
        }
        if (req.path().path().startsWith(TusHeaders.BASE)) {
            res.header(TusHeaders.RESUMABLE, TusHeaders.VERSION);
        }
        try {
            byte[] body = Json.MAPPER.writeValueAsBytes(problem);
            res.status(status).header(HeaderNames.CONTENT_TYPE, "application/problem+json").send(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            res.status(status).send();
        }
    }
}
