package org.pando.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pando.domain.InvalidInput;

/** Reading JSON request bodies with clear errors, and writing JSON responses. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Largest JSON body read, in bytes. */
    static final int MAX_BODY = 1 << 20;

    private Json() {
    }

    /** The request body as a JSON object; a missing, oversized or malformed body is a 400 problem. */
    static JsonNode body(ServerRequest req) {
        byte[] bytes = bytes(req);
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw notObject();
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request body's bytes, for a reader of its own; a missing or oversized body is a 400 problem. */
    static byte[] bytes(ServerRequest req) {
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BODY) {
            throw new RequestRejected(RequestRejected.Reason.TOO_LARGE, "body-too-large", "The JSON body is over 1 MiB.");
        }
        if (bytes.length == 0) {
            throw RequestRejected.invalid("body-missing", "Send a JSON object as the request body.");
        }
        return bytes;
    }

    /** The problem of a body that is JSON but not an object. */
    static RequestRejected notObject() {
        return RequestRejected.invalid("body-not-object", "The request body must be a JSON object.");
    }

    /** The problem of a body that is not JSON. */
    static RequestRejected malformed(JsonProcessingException e) {
        return RequestRejected.invalid("body-malformed", "The request body is not valid JSON: " + e.getOriginalMessage());
    }

    /** A required string field. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidInput(field, "Send '" + field + "' as a string.");
        }
        return value.asText();
    }

    /** An optional string field. */
    static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidInput(field, "Send '" + field + "' as a string.");
        }
        return Optional.of(value.asText());
    }

    /** An optional list of strings. */
    static Optional<List<String>> optionalTexts(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw new InvalidInput(field, "Send '" + field + "' as a list of strings.");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new InvalidInput(field, "Send '" + field + "' as a list of strings.");
            }
            items.add(item.asText());
        }
        return Optional.of(items);
    }

    /** A number for a JSON document: {@code null} when absent or not finite (JSON has no NaN). */
    static Double number(OptionalDouble value) {
        return value.isPresent() && Double.isFinite(value.getAsDouble()) ? value.getAsDouble() : null;
    }

    /** Writes {@code value} as JSON with the given status. */
    static void send(ServerResponse res, Status status, Object value) {
        try {
            byte[] bytes = MAPPER.writeValueAsBytes(value);
            res.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response not serialisable", e);
        }
    }

    /** Writes {@code value} as JSON with status 200. */
    static void send(ServerResponse res, Object value) {
        send(res, Status.OK_200, value);
    }
}
