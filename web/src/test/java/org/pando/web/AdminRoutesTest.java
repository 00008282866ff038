package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pando.account.Role;
import org.pando.catalog.Video;
import org.pando.web.ApiCalls.Caller;

/** The administrators' dashboard ({@code GET /api/v1/admin/dashboard}). */
class AdminRoutesTest extends InMemoryRoutes {
    AdminRoutesTest(DirectClient client) {
        super(client);
    }

    @Test
    void anAdminSeesUploadsActiveUsersTheQueueAndHowEvenlyImpressionsWereShared() {
        Caller admin = api.signUp(ApiCalls.uniqueName("admin"));
        backend.backend.accounts().assignRole(admin.username(), Role.ADMIN);
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("watch"));
        Video shown = ApiCalls.readyVideo(backend.backend, creator, "Shown twice");
        ApiCalls.processingVideo(backend.backend, creator, "Still processing");
        api.post("/api/v1/events").as(viewer).json(Map.of("events", List.of(
                Map.of("type", "impression", "video", shown.id(), "surface", "for-you"),
                Map.of("type", "impression", "video", shown.id(), "surface", "for-you"),
                Map.of("type", "play", "video", shown.id(), "surface", "for-you")))).send().expect(202);

        JsonNode d = api.get("/api/v1/admin/dashboard").as(admin).send().expect(200).json();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(d.path("uploads_per_day").path(today).asLong()).as("uploads today in %s", d).isGreaterThanOrEqualTo(2);
        assertThat(d.path("processing").asLong()).as("videos processing").isGreaterThanOrEqualTo(1);
        assertThat(d.path("active_users_per_day").path(today).asLong()).as("active today").isGreaterThanOrEqualTo(1);
        assertThat(d.path("channels_shown").asInt()).as("channels with impressions").isEqualTo(1);
        assertThat(d.path("gini_per_day").path(today).isNumber()).as("a Gini coefficient for today").isTrue();
        assertThat(d.path("gini_per_day").path(today).asDouble()).as("Gini of the one channel shown today").isZero();
        assertThat(d.path("last_hour").get(59).asLong() + d.path("last_hour").get(58).asLong())
                .as("plays of the instance in the last two minutes").isEqualTo(1);
        assertThat(d.path("forecast").path("model").asText()).as("the load forecast, with minutes of history")
                .isEqualTo("persistence");
        assertThat(d.path("storage").path("disk_free_bytes").asLong()).as("free disk").isPositive();

        api.get("/api/v1/admin/dashboard").as(viewer).send().expectProblem(403, "admins-only");
    }
}
