package org.pando.web;

import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import org.pando.domain.InvalidInput;

/** Common query parameters. */
final class Query {
    private Query() {
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
