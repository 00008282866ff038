package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import org.pando.events.ModifiedUtf8;

/**
 * What a checkpoint is read through: the layout of {@link java.io.DataInputStream}, taken from one array that is
 * refilled from the channel, without a lock or a call per number, so that a restart reads tens of millions of them
 * quickly. Not for use by several threads.
 */
final class CheckpointInput implements DataInput {
    private final ReadableByteChannel channel;
    private final ByteBuffer buffer;

    CheckpointInput(ReadableByteChannel channel, int bufferSize) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(Math.max(bufferSize, ModifiedUtf8.MAX_BYTES + 2));
        buffer.limit(0);
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, need(1).remaining());
            buffer.get(b, off, n);
            off += n;
            len -= n;
        }
    }

    @Override
    public int skipBytes(int n) throws IOException {
        int skipped = 0;
        while (skipped < n && fill(1)) {
            int step = Math.min(n - skipped, buffer.remaining());
            buffer.position(buffer.position() + step);
            skipped += step;
        }
        return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        return need(1).get();
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        return need(Short.BYTES).getShort();
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return need(Character.BYTES).getChar();
    }

    @Override
    public int readInt() throws IOException {
        return need(Integer.BYTES).getInt();
    }

    @Override
    public long readLong() throws IOException {
        return need(Long.BYTES).getLong();
    }

    @Override
    public float readFloat() throws IOException {
        return need(Float.BYTES).getFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return need(Double.BYTES).getDouble();
    }

    /** Reads {@code count} ints into the start of {@code into}, as {@link #readInt} would one by one. */
    void readInts(int[] into, int count) throws IOException {
        inRuns(count, Integer.BYTES, (from, n) -> buffer.asIntBuffer().get(into, from, n));
    }

    /** Reads {@code count} floats into the start of {@code into}, as {@link #readFloat} would one by one. */
    void readFloats(float[] into, int count) throws IOException {
        inRuns(count, Float.BYTES, (from, n) -> buffer.asFloatBuffer().get(into, from, n));
    }

    /** Has {@code run} take {@code count} numbers of {@code width} bytes in as few runs as the buffer allows. */
    private void inRuns(int count, int width, Run run) throws IOException {
        for (int from = 0; from < count; ) {
            int n = Math.min(count - from, need(width).remaining() / width);
            run.copy(from, n);
            buffer.position(buffer.position() + n * width);
            from += n;
        }
    }

    /** Not part of the checkpoint's layout. */
    @Override
    public String readLine() {
        throw new UnsupportedOperationException("A checkpoint holds no lines of text");
    }

    @Override
    public String readUTF() throws IOException {
        int length = readUnsignedShort();
        need(length);
        String text = ModifiedUtf8.decode(buffer.array(), buffer.position(), length);
        buffer.position(buffer.position() + length);
        return text;
    }

    /** The buffer, with at least {@code n} bytes to read. */
    private ByteBuffer need(int n) throws IOException {
        if (!fill(n)) {
            throw new EOFException("The checkpoint ends " + (n - buffer.remaining()) + " bytes short of what it says it holds");
        }
        return buffer;
    }

    /** Reads from the channel until {@code n} bytes are buffered; false when it ends first. */
    private boolean fill(int n) throws IOException {
        if (buffer.remaining() >= n) {
            return true;
        }
        buffer.compact();
        try {
            while (buffer.position() < n) {
                if (channel.read(buffer) < 0) {
                    return false;
                }
            }
            return true;
        } finally {
            buffer.flip();
        }
    }

    /** Copies {@code n} numbers from the buffer's position into an array, from its index {@code from} on. */
    @FunctionalInterface
    private interface Run {
        void copy(int from, int n);
    }
}
