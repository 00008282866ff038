package org.pando.recommend.engine;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;
import org.pando.events.ModifiedUtf8;

/**
 * What a checkpoint is written through: the layout of {@link java.io.DataOutputStream}, put into one array that is
 * handed to the channel whenever it fills, and a CRC-32C of everything written. Unlike a stream chain it takes no lock
 * and makes no call per number, which matters when a checkpoint holds tens of millions of them while events wait.
 * Not for use by several threads.
 */
final class CheckpointOutput implements DataOutput {
    private final WritableByteChannel channel;
    private final ByteBuffer buffer;
    private final CRC32C crc = new CRC32C();

    /** The buffer holds at least the longest text {@link #writeUTF} takes, so that any text fits once it is drained. */
    CheckpointOutput(WritableByteChannel channel, int bufferSize) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(Math.max(bufferSize, ModifiedUtf8.MAX_BYTES * 3 + 2));
    }

    /** Hands what is buffered to the channel, then the CRC-32C of all that was written (itself not counted). */
    void finishWithChecksum() throws IOException {
        drain();
        buffer.putLong(crc.getValue());
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void write(int b) throws IOException {
        room(1).put((byte) b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, room(1).remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    @Override
    public void writeBoolean(boolean v) throws IOException {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) throws IOException {
        write(v);
    }

    @Override
    public void writeShort(int v) throws IOException {
        room(Short.BYTES).putShort((short) v);
    }

    @Override
    public void writeChar(int v) throws IOException {
        room(Character.BYTES).putChar((char) v);
    }

    @Override
    public void writeInt(int v) throws IOException {
        room(Integer.BYTES).putInt(v);
    }

    @Override
    public void writeLong(long v) throws IOException {
        room(Long.BYTES).putLong(v);
    }

    @Override
    public void writeFloat(float v) throws IOException {
        room(Float.BYTES).putFloat(v);
    }

    @Override
    public void writeDouble(double v) throws IOException {
        room(Double.BYTES).putDouble(v);
    }

    @Override
    public void writeBytes(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    @Override
    public void writeChars(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }

    /** Writes the first {@code count} of {@code values} as {@link #writeInt} would one by one, a bufferful at a time. */
    void writeInts(int[] values, int count) throws IOException {
        inRuns(count, Integer.BYTES, (from, n) -> buffer.asIntBuffer().put(values, from, n));
    }

    /** Writes the first {@code count} of {@code values} as {@link #writeFloat} would one by one, a bufferful at a time. */
    void writeFloats(float[] values, int count) throws IOException {
        inRuns(count, Float.BYTES, (from, n) -> buffer.asFloatBuffer().put(values, from, n));
    }

    /** Hands {@code count} numbers of {@code width} bytes to {@code run} in as few runs as the buffer's room allows. */
    private void inRuns(int count, int width, Run run) throws IOException {
        for (int from = 0; from < count; ) {
            int n = Math.min(count - from, room(width).remaining() / width);
            run.copy(from, n);
            buffer.position(buffer.position() + n * width);
            from += n;
        }
    }

    /** @throws IllegalArgumentException when the text takes more than {@link ModifiedUtf8#MAX_BYTES} bytes */
    @Override
    public void writeUTF(String s) throws IOException {
        room(ModifiedUtf8.maxEncodedSize(s));
        buffer.position(ModifiedUtf8.encode(s, buffer.array(), buffer.position()));
    }

    /** The buffer, with at least {@code n} bytes free. */
    private ByteBuffer room(int n) throws IOException {
        if (buffer.remaining() < n) {
            drain();
        }
        return buffer;
    }

    private void drain() throws IOException {
        crc.update(buffer.array(), 0, buffer.position());
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Copies numbers {@code from} to {@code from + n} of an array into the buffer at its position. */
    @FunctionalInterface
    private interface Run {
        void copy(int from, int n);
    }
}
