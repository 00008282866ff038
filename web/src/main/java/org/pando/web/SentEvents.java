package org.pando.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pando.domain.InvalidInput;

/**
 * The events of a {@code POST /api/v1/events} body, read token by token. Batches of a thousand events are most of
 * what a busy server reads, and building a whole tree of them first cost more than checking them. Each known field
 * keeps the JSON value it was sent as, the node a tree would have held, so that {@link EventRoutes} checks it and
 * words its errors as for a tree; fields it does not know are skipped.
 */
final class SentEvents {
    private static final Map<String, Integer> FIELDS = Map.of("type", 0, "video", 1, "surface", 2, "watched_ms", 3,
            "duration_ms", 4, "ts", 5, "propensity", 6);

    private SentEvents() {
    }

    /** One event as sent: what an element of the list that is not an object sends is nothing. */
    static final class Sent {
        private final JsonNode[] values = new JsonNode[FIELDS.size()];

        /** The field's value, null when it was not sent. */
        JsonNode get(String field) {
            Integer index = FIELDS.get(field);
            if (index == null) {
                throw new IllegalArgumentException("Events have no field '" + field + "'; they have " + FIELDS.keySet());
            }
            return values[index];
        }

        /** The field's value, {@link MissingNode} when it was not sent. */
        JsonNode path(String field) {
            JsonNode value = get(field);
            return value == null ? MissingNode.getInstance() : value;
        }
    }

    /**
     * The body's {@code events}, at most {@code max} of them; a body that is not a JSON object, or has no list of
     * events, or a longer one, is a 400 problem.
     */
    static List<Sent> read(ServerRequest req, int max) {
        byte[] bytes = Json.bytes(req);
        try (JsonParser p = Json.MAPPER.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw Json.notObject();
            }
            List<Sent> events = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("events")) { // the last of repeated fields counts, as in a tree
                    events = value == JsonToken.START_ARRAY ? list(p, max) : null;
                }
                p.skipChildren(); // nothing left to skip after a list read to its end
            }
            if (events == null) {
                throw new InvalidInput("events", "Send {\"events\": [...]}, a list of events.");
            }
            return events;
        } catch (JsonProcessingException e) {
            throw Json.malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Sent> list(JsonParser p, int max) throws IOException {
        List<Sent> events = new ArrayList<>();
        for (JsonToken element = p.nextToken(); element != JsonToken.END_ARRAY; element = p.nextToken()) {
            if (events.size() == max) {
                throw new InvalidInput("events", "Send at most " + max + " events in one batch.");
            }
            Sent sent = new Sent();
            if (element == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Integer field = FIELDS.get(p.currentName());
                    p.nextToken();
                    if (field == null) {
                        p.skipChildren();
                    } else {
                        sent.values[field] = value(p);
                    }
                }
            } else {
                p.skipChildren();
            }
            events.add(sent);
        }
        return events;
    }

    /** The node a tree would hold for the value at the parser. */
    private static JsonNode value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> IntNode.valueOf(p.getIntValue());
                case LONG -> LongNode.valueOf(p.getLongValue());
                default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(p.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> BooleanNode.valueOf(p.getBooleanValue());
            case VALUE_NULL -> NullNode.getInstance();
            default -> p.readValueAsTree(); // an object or a list where a value was expected: refused as a tree's would be
        };
    }
}
