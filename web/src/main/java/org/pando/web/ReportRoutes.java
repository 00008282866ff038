package org.pando.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pando.account.Account;
import org.pando.domain.InvalidInput;
import org.pando.moderation.FiledReport;
import org.pando.moderation.Report;
import org.pando.moderation.ReportReason;

/**
 * Signed-in people report a video or a comment: {@code POST /api/v1/videos/{id}/reports} and
 * {@code POST /api/v1/comments/{id}/reports} with {@code {"reason", "details"}}. The first report answers 201, asking
 * again while the review is open answers 200 with the same report.
 */
final class ReportRoutes implements HttpService {
    private final Backend backend;
    private final Callers callers;

    ReportRoutes(Backend backend, Callers callers) {
        this.backend = backend;
        this.callers = callers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/v1/videos/{id}/reports", this::reportVideo)
                .post("/api/v1/comments/{id}/reports", this::reportComment);
    }

    private void reportVideo(ServerRequest req, ServerResponse res) {
        Account reporter = callers.required(req);
        JsonNode body = Json.body(req);
        send(res, backend.reports().reportVideo(reporter, req.path().pathParameters().get("id"), reason(body), details(body)));
    }

    private void reportComment(ServerRequest req, ServerResponse res) {
        Account reporter = callers.required(req);
        JsonNode body = Json.body(req);
        send(res, backend.reports().reportComment(reporter, req.path().pathParameters().get("id"), reason(body), details(body)));
    }

    private static ReportReason reason(JsonNode body) {
        String name = Json.text(body, "reason");
        return ReportReason.ofWireName(name).orElseThrow(() -> new InvalidInput("reason",
                "Choose a reason: " + String.join(", ", ReportReason.wireNames()) + "."));
    }

    private static String details(JsonNode body) {
        return Json.optionalText(body, "details").orElse("");
    }

    private static void send(ServerResponse res, FiledReport filed) {
        Report report = filed.report();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", report.id());
        json.put("reason", report.reason().wireName());
        json.put("details", report.details());
        json.put("created_at", report.createdAt().toString());
        json.put("status", "open");
        Json.send(res, filed.isNew() ? Status.CREATED_201 : Status.OK_200, json);
    }
}
