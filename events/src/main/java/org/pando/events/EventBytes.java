package org.pando.events;

import java.util.Arrays;

/**
 * A growing array that events are encoded into, in the layout {@link java.io.DataOutputStream} writes (big-endian
 * numbers, texts as a two-byte length and modified UTF-8), without a stream's call per byte: a batch of a thousand
 * events is one array, written once.
 */
final class EventBytes {
    private static final int MAX_TEXT_BYTES = 0xFFFF;

    private byte[] bytes;
    private int size;

    EventBytes(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    /** How many bytes were written. */
    int size() {
        return size;
    }

    /** The array written into; its first {@link #size()} bytes are what was written. */
    byte[] array() {
        return bytes;
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Leaves {@code n} bytes of zeros, to be filled in later with {@link #putInt(int, int)}. */
    void skip(int n) {
        room(n);
        size += n;
    }

    void writeByte(int value) {
        room(1);
        bytes[size++] = (byte) value;
    }

    void writeInt(int value) {
        room(4);
        putInt(size, value);
        size += 4;
    }

    void writeLong(long value) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    void writeDouble(double value) {
        writeLong(Double.doubleToLongBits(value));
    }

    /** Writes {@code value} over the four bytes at {@code at}. */
    void putInt(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    /**
     * The text's length in bytes, then its characters: one byte each for 1 to 127, two for NUL and up to 2047, three
     * above, as {@link java.io.DataOutputStream#writeUTF} does.
     */
    void writeUtf(String text) {
        int length = text.length();
        room(2 + 3 * length);
        int start = size;
        int at = start + 2;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 1 && c <= 0x7F) {
                bytes[at++] = (byte) c;
            } else if (c <= 0x7FF) {
                bytes[at++] = (byte) (0xC0 | (c >> 6));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                bytes[at++] = (byte) (0xE0 | (c >> 12));
                bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        int encoded = at - start - 2;
        if (encoded > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("A text of an event is longer than " + MAX_TEXT_BYTES + " bytes: " + encoded);
        }
        bytes[start] = (byte) (encoded >>> 8);
        bytes[start + 1] = (byte) encoded;
        size = at;
    }

    private void room(int n) {
        if (bytes.length - size < n) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
