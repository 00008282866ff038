package org.pando.events;

import java.util.Arrays;

/**
 * A growing array that events are encoded into, in the layout {@link java.io.DataOutputStream} writes (big-endian
 * numbers, texts as a two-byte length and modified UTF-8), without a stream's call per byte: a batch of a thousand
 * events is one array, written once.
 */
final class EventBytes {
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

    /** The text's length in bytes, then its characters in modified UTF-8 ({@link ModifiedUtf8}). */
    void writeUtf(String text) {
        room(ModifiedUtf8.maxEncodedSize(text));
        size = ModifiedUtf8.encode(text, bytes, size);
    }

    private void room(int n) {
        if (bytes.length - size < n) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
