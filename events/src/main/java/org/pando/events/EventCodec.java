package org.pando.events;

import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One event as bytes, in a segment file or a message: its type and surface by their wire names (so reordering the enums never
 * changes what a file means), the texts as UTF-8, the numbers in big-endian order.
 */
public final class EventCodec {
    private static final int VERSION = 1;

    private EventCodec() {
    }

    /** Appends the event's bytes. */
    static void write(UserEvent e, EventBytes out) {
        out.writeByte(VERSION);
        out.writeUtf(e.type().wireName());
        out.writeUtf(e.userId());
        out.writeUtf(e.videoId());
        out.writeUtf(e.creatorId());
        out.writeUtf(e.surface().wireName());
        out.writeUtf(e.country().orElse(""));
        out.writeUtf(e.language().orElse(""));
        out.writeLong(e.watchedMs());
        out.writeLong(e.durationMs());
        out.writeLong(e.at().toEpochMilli());
        out.writeByte(e.propensity().isPresent() ? 1 : 0);
        out.writeDouble(e.propensity().orElse(0));
    }

    /** The event held in {@code length} bytes from {@code offset}; an {@link IOException} when they hold none. */
    public static UserEvent of(byte[] bytes, int offset, int length) throws IOException {
        Cursor in = new Cursor(bytes, offset, offset + length);
        int version = in.unsignedByte();
        if (version != VERSION) {
            throw new IOException("An event of format " + version + ", which this Pando does not read");
        }
        String type = in.utf();
        String user = in.utf();
        String video = in.utf();
        String creator = in.utf();
        String surface = in.utf();
        String country = in.utf();
        String language = in.utf();
        long watched = in.int64();
        long duration = in.int64();
        long at = in.int64();
        boolean hasPropensity = in.unsignedByte() != 0;
        double propensity = Double.longBitsToDouble(in.int64());
        return new UserEvent(EventType.ofWireName(type).orElseThrow(() -> new IOException("Unknown event type " + type)),
                user, video, creator, Surface.ofWireName(surface).orElseThrow(() -> new IOException("Unknown surface " + surface)),
                Optional.of(country).filter(c -> !c.isEmpty()), Optional.of(language).filter(l -> !l.isEmpty()), watched, duration,
                Instant.ofEpochMilli(at), hasPropensity ? OptionalDouble.of(propensity) : OptionalDouble.empty());
    }

    /**
     * Reads what {@link EventBytes} wrote (the layout of {@link java.io.DataOutputStream}), straight from the array.
     */
    private static final class Cursor {
        private final byte[] bytes;
        private final int end;
        private int at;

        Cursor(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        int unsignedByte() throws IOException {
            need(1);
            return bytes[at++] & 0xFF;
        }

        long int64() throws IOException {
            need(8);
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[at++] & 0xFF);
            }
            return value;
        }

        String utf() throws IOException {
            need(2);
            int length = ModifiedUtf8.length(bytes, at);
            need(2 + length);
            String text = ModifiedUtf8.decode(bytes, at + 2, length);
            at += 2 + length;
            return text;
        }

        private void need(int n) throws IOException {
            if (end - at < n) {
                throw new EOFException("An event cut short");
            }
        }
    }

    /** The event's bytes. */
    public static byte[] bytes(UserEvent e) {
        EventBytes bytes = new EventBytes(128);
        write(e, bytes);
        return bytes.toArray();
    }
}
