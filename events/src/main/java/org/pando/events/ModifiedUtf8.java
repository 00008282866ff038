package org.pando.events;

import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;

/**
 * Texts in the layout {@link java.io.DataOutput#writeUTF} gives them: a two-byte length, then each character in
 * one byte (1 to 127), two (NUL and up to 2047) or three (above). Encoding and decoding straight into and out of
 * arrays, it spares the event log's frames and the engine's checkpoints a stream call per byte, and what it writes
 * reads back with {@link java.io.DataInputStream} and the other way round.
 */
public final class ModifiedUtf8 {
    /** The most bytes a text may take after its length. */
    public static final int MAX_BYTES = 0xFFFF;

    private ModifiedUtf8() {
    }

    /**
     * The most bytes {@code text} can take, its length included: room to leave before {@link #encode}.
     *
     * @throws IllegalArgumentException when the text has more characters than fit in {@link #MAX_BYTES} bytes
     */
    public static int maxEncodedSize(String text) {
        if (text.length() > MAX_BYTES) {
            throw tooLong(text.length() + " characters");
        }
        return 2 + 3 * text.length();
    }

    /**
     * Writes {@code text}, its length first, at {@code at} in {@code into}, which has {@link #maxEncodedSize} bytes of
     * room there; returns the position after it.
     *
     * @throws IllegalArgumentException when the text takes more than {@link #MAX_BYTES} bytes
     */
    public static int encode(String text, byte[] into, int at) {
        int start = at;
        at += 2;
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c >= 1 && c <= 0x7F) {
                into[at++] = (byte) c;
            } else if (c <= 0x7FF) {
                into[at++] = (byte) (0xC0 | (c >> 6));
                into[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                into[at++] = (byte) (0xE0 | (c >> 12));
                into[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                into[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        int encoded = at - start - 2;
        if (encoded > MAX_BYTES) {
            throw tooLong(encoded + " bytes");
        }
        into[start] = (byte) (encoded >>> 8);
        into[start + 1] = (byte) encoded;
        return at;
    }

    private static IllegalArgumentException tooLong(String size) {
        return new IllegalArgumentException("A text is longer than " + MAX_BYTES + " bytes in modified UTF-8: " + size);
    }

    /** The number of bytes after the length that starts at {@code at}. */
    public static int length(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    /**
     * The text whose {@code length} bytes (after its length) start at {@code at}. Plain ASCII, as ids and codes are,
     * becomes a string without decoding.
     *
     * @throws UTFDataFormatException when the bytes are not modified UTF-8
     */
    public static String decode(byte[] bytes, int at, int length) throws UTFDataFormatException {
        int end = at + length;
        for (int i = at; i < end; i++) {
            if (bytes[i] <= 0) { // NUL and anything beyond ASCII take more than one byte
                return decodeWide(bytes, at, end);
            }
        }
        return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
    }

    private static String decodeWide(byte[] bytes, int at, int end) throws UTFDataFormatException {
        char[] chars = new char[end - at];
        int n = 0;
        while (at < end) {
            int b = bytes[at] & 0xFF;
            if (b < 0x80) {
                chars[n++] = (char) b;
                at += 1;
            } else if ((b & 0xE0) == 0xC0 && at + 1 < end && continuation(bytes[at + 1])) {
                chars[n++] = (char) (((b & 0x1F) << 6) | (bytes[at + 1] & 0x3F));
                at += 2;
            } else if ((b & 0xF0) == 0xE0 && at + 2 < end && continuation(bytes[at + 1]) && continuation(bytes[at + 2])) {
                chars[n++] = (char) (((b & 0x0F) << 12) | ((bytes[at + 1] & 0x3F) << 6) | (bytes[at + 2] & 0x3F));
                at += 3;
            } else {
                throw new UTFDataFormatException("Malformed modified UTF-8 around byte " + at);
            }
        }
        return new String(chars, 0, n);
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
