package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.testing.junit5.DirectClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pando.web.ApiCalls.Reply;

/** {@code /health} and {@code /metrics}. */
class HealthAndMetricsTest extends InMemoryRoutes {
    HealthAndMetricsTest(DirectClient client) {
        super(client);
    }

    /** A request and the status it is answered with. */
    private record Answer(String what, Function<ApiCalls, ApiCalls.Request> request, int status) {
    }

    private static final List<Answer> ANSWERS = List.of(
            new Answer("a health check", a -> a.get("/health"), 200),
            new Answer("an unknown endpoint", a -> a.get("/api/v1/nowhere"), 404),
            new Answer("a request without credentials", a -> a.get("/api/v1/me"), 401),
            new Answer("a malformed JSON body", a -> a.post("/api/v1/sessions")
                    .body("{".getBytes(StandardCharsets.UTF_8), "application/json"), 400),
            new Answer("an unknown video", a -> a.get("/api/v1/videos/no-such-video"), 404));

    @Test
    void healthIsUpWithTheDatabase() {
        Reply reply = api.get("/health").send().expect(200);

        assertThat(reply.header("Content-Type").orElse("")).as("Content-Type of %s", reply).startsWith("application/json");
        assertThat(reply.json().path("status").asText()).as("status in %s", reply).isEqualTo("UP");
        assertThat(reply.json().path("checks").path("database").asText()).as("database check in %s", reply)
                .isEqualTo("UP");
    }

    @Test
    void metricsArePrometheusTextCountingAnsweredRequests() throws InterruptedException {
        api.get("/api/v1/no-such-thing").send().expect(404);

        Reply reply = awaitMetric("pando_http_requests_total{status=\"404\"}");

        assertThat(reply.header("Content-Type").orElse("")).as("Content-Type of /metrics")
                .startsWith("text/plain").contains("version=0.0.4");
        assertThat(reply.text()).as("the exposition text of /metrics")
                .contains("# TYPE pando_http_requests_total counter")
                .contains("# TYPE jvm_heap_used_bytes gauge")
                .containsPattern("(?m)^jvm_heap_used_bytes [0-9.E]+$");
        assertThat(counter(reply.text(), "pando_http_requests_total{status=\"404\"}").orElse(0))
                .as("404 answers counted in %s", reply).isPositive();
    }

    @Test
    void everyAnswerIsCountedByStatusIncludingRefusals() throws InterruptedException {
        for (Answer answer : ANSWERS) {
            String sample = "pando_http_requests_total{status=\"" + answer.status() + "\"}";
            long before = counter(api.get("/metrics").send().expect(200).text(), sample).orElse(0);

            answer.request().apply(api).send().expect(answer.status());
            Reply after = awaitMetricAbove(sample, before);

            assertThat(counter(after.text(), sample).orElse(0)).as("%s after %s (was %d): %s", sample,
                    answer.what(), before, after).isGreaterThan(before);
        }
    }

    /** Scrapes until the sample appears: a request is counted just after its answer is sent. */
    private Reply awaitMetric(String sample) throws InterruptedException {
        return awaitMetricAbove(sample, 0);
    }

    /** Scrapes until the sample is above {@code floor}, for up to two seconds. */
    private Reply awaitMetricAbove(String sample, long floor) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        Reply reply = api.get("/metrics").send().expect(200);
        while (counter(reply.text(), sample).orElse(0) <= floor && System.nanoTime() < deadline) {
            Thread.sleep(20);
            reply = api.get("/metrics").send().expect(200);
        }
        return reply;
    }

    private static OptionalLong counter(String exposition, String sample) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\d+)$").matcher(exposition);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }
}
