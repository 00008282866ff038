package org.pando.web;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pando.account.Account;
import org.pando.account.Role;
import org.pando.account.RoleRequired;
import org.pando.catalog.VideoStatus;
import org.pando.pipeline.MediaLayout;
import org.pando.stats.InstanceDashboard;

/** The administrators' dashboard of the whole instance. */
final class AdminRoutes implements HttpService {
    private static final int UPLOAD_DAYS = 30;
    private static final Duration STORAGE_TTL = Duration.ofMinutes(1);

    private final Backend backend;
    private final Callers callers;
    private volatile Storage storage;

    AdminRoutes(Backend backend, Callers callers) {
        this.backend = backend;
        this.callers = callers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/admin/dashboard", this::dashboard);
    }

    private void dashboard(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        if (account.role() != Role.ADMIN) {
            throw RoleRequired.admin();
        }
        InstanceDashboard d = backend.instanceStats().dashboard();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("uploads_per_day", dated(backend.videos().uploadsPerDay(UPLOAD_DAYS)));
        Map<String, Long> queue = new LinkedHashMap<>();
        backend.videos().countByStatus().forEach((status, n) -> queue.put(status.wireName(), n));
        json.put("videos_by_status", queue);
        json.put("processing", queue.getOrDefault(VideoStatus.PROCESSING.wireName(), 0L));
        json.put("active_users_per_day", dated(d.activeUsers()));
        json.put("gini_per_day", dated(d.giniByDay()));
        json.put("gini", d.gini());
        json.put("channels_shown", d.channels());
        json.put("lorenz", StudioRoutes.points(d.lorenz()));
        json.put("last_hour", d.lastHour());
        json.put("forecast_30m", d.forecast().views());
        json.put("forecast", StudioRoutes.forecast(d.forecast().model()));
        Storage s = storage();
        json.put("storage", Map.of("media_bytes", s.mediaBytes(), "disk_free_bytes", s.freeBytes()));
        Json.send(res, json);
    }

    private static Map<String, Object> dated(Map<?, ?> byDay) {
        Map<String, Object> json = new LinkedHashMap<>();
        byDay.forEach((day, value) -> json.put(day.toString(), value));
        return json;
    }

    /** Bytes of served media and free disk, measured at most once a minute (walking the media costs). */
    private Storage storage() {
        Storage current = storage;
        Instant now = backend.clock().instant();
        if (current == null || now.isAfter(current.at().plus(STORAGE_TTL))) {
            current = new Storage(backend.blobs().bytesUnder(MediaLayout.MEDIA), backend.dataDir().toFile().getUsableSpace(), now);
            storage = current;
        }
        return current;
    }

    private record Storage(long mediaBytes, long freeBytes, Instant at) {
    }
}
