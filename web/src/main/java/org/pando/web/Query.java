package org.pando.web;

import io.helidon.webserver.http.ServerRequest;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.pando.domain.InvalidInput;

/** Common query parameters. */
final class Query {
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 9999;

    private Query() {
    }

    /** {@code month} as {@code YYYY-MM}, or the current month (UTC) when absent. */
    static YearMonth month(ServerRequest req, Clock clock) {
        YearMonth month;
        try {
            month = text(req, "month").map(YearMonth::parse).orElseGet(() -> YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        } catch (DateTimeParseException e) {
            throw new InvalidInput("month", "Give the month as YYYY-MM, such as 2026-11.");
        }
        if (month.getYear() < FIRST_YEAR || month.getYear() > LAST_YEAR) {
            throw new InvalidInput("month", "Give a month from " + FIRST_YEAR + " to " + LAST_YEAR + ".");
        }
        return month;
    }

    static Optional<String> cursor(ServerRequest req) {
        return text(req, "cursor");
    }

    static Optional<String> text(ServerRequest req, String name) {
        return req.query().first(name).asOptional().filter(v -> !v.isBlank());
    }

    /** {@code limit}, 1 to 100, or the default. */
    static int limit(ServerRequest req, int defaultLimit) {
        Optional<String> value = text(req, "limit");
        if (value.isEmpty()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit < 1 || limit > 100) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new InvalidInput("limit", "Send 'limit' as a whole number from 1 to 100.");
        }
    }
}
