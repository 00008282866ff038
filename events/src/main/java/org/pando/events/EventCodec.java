package org.pando.events;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    static void write(UserEvent e, DataOutputStream out) throws IOException {
        out.writeByte(VERSION);
        out.writeUTF(e.type().wireName());
        out.writeUTF(e.userId());
        out.writeUTF(e.videoId());
        out.writeUTF(e.creatorId());
        out.writeUTF(e.surface().wireName());
        out.writeUTF(e.country().orElse(""));
        out.writeUTF(e.language().orElse(""));
        out.writeLong(e.watchedMs());
        out.writeLong(e.durationMs());
        out.writeLong(e.at().toEpochMilli());
        out.writeBoolean(e.propensity().isPresent());
        out.writeDouble(e.propensity().orElse(0));
    }

    static UserEvent read(DataInputStream in) throws IOException {
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("An event of format " + version + ", which this Pando does not read");
        }
        String type = in.readUTF();
        String user = in.readUTF();
        String video = in.readUTF();
        String creator = in.readUTF();
        String surface = in.readUTF();
        String country = in.readUTF();
        String language = in.readUTF();
        long watched = in.readLong();
        long duration = in.readLong();
        long at = in.readLong();
        boolean hasPropensity = in.readBoolean();
        double propensity = in.readDouble();
        return new UserEvent(EventType.ofWireName(type).orElseThrow(() -> new IOException("Unknown event type " + type)),
                user, video, creator, Surface.ofWireName(surface).orElseThrow(() -> new IOException("Unknown surface " + surface)),
                Optional.of(country).filter(c -> !c.isEmpty()), Optional.of(language).filter(l -> !l.isEmpty()), watched, duration,
                Instant.ofEpochMilli(at), hasPropensity ? OptionalDouble.of(propensity) : OptionalDouble.empty());
    }

    /** The event's bytes. */
    public static byte[] bytes(UserEvent e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(e, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** The event held in {@code length} bytes from {@code offset}; an {@link IOException} when they hold none. */
    public static UserEvent of(byte[] bytes, int offset, int length) throws IOException {
        return read(new DataInputStream(new ByteArrayInputStream(bytes, offset, length)));
    }
}
