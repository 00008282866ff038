package org.pando.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in a list ordered by time then id, newest first, encoded as an opaque cursor.
 *
 * <p>Keyset positions stay correct while rows are added, unlike offsets.
 *
 * @param at time of the last item seen
 * @param id id of the last item seen, to break ties
 */
public record Keyset(Instant at, String id) {

    /** The position after the newest possible item: the start of a newest-first list. */
    public static Keyset start() {
        return new Keyset(Instant.parse("9999-12-31T23:59:59Z"), "");
    }

    /** Decodes a cursor made by {@link #cursor()}; a malformed cursor is an {@link InvalidInput}. */
    public static Keyset parse(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new Keyset(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))), raw.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidInput("cursor", "The cursor is not one this server gave out; start again without it.");
        }
    }

    /** The start, or the position a cursor names. */
    public static Keyset from(Optional<String> cursor) {
        return cursor.map(Keyset::parse).orElseGet(Keyset::start);
    }

    /** This position as an opaque cursor. */
    public String cursor() {
        String raw = at.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
