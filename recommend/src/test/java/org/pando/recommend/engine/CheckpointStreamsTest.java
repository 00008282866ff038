package org.pando.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint is written and read in {@link DataOutputStream}'s layout, so that its format does not depend on which
 * classes wrote it; the values cross the buffer's end many times over.
 */
class CheckpointStreamsTest {
    private static final int VALUES = 40_000;

    @Test
    void writesTheBytesOfADataOutputStreamThenTheirChecksum() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        writeValues(new DataOutputStream(expected));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        CheckpointOutput out = new CheckpointOutput(Channels.newChannel(written), 0);
        writeValues(out);
        out.finishWithChecksum();

        byte[] bytes = written.toByteArray();
        byte[] body = Arrays.copyOf(bytes, bytes.length - Long.BYTES);
        CRC32C crc = new CRC32C();
        crc.update(body);
        assertThat(body).as("what was written before the checksum").isEqualTo(expected.toByteArray());
        assertThat(ByteBuffer.wrap(bytes, body.length, Long.BYTES).getLong()).as("the checksum at the end")
                .isEqualTo(crc.getValue());
    }

    @Test
    void readsWhatADataOutputStreamWrote() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        writeValues(new DataOutputStream(written));
        byte[] bytes = written.toByteArray();

        CheckpointInput ours = new CheckpointInput(Channels.newChannel(new ByteArrayInputStream(bytes)), 0);
        DataInputStream theirs = new DataInputStream(new ByteArrayInputStream(bytes));
        for (int i = 0; i < VALUES; i++) {
            assertThat(ours.readInt()).as("the int of value %d", i).isEqualTo(theirs.readInt());
            assertThat(ours.readUTF()).as("the text of value %d", i).isEqualTo(theirs.readUTF());
            assertThat(ours.readDouble()).as("the double of value %d", i).isEqualTo(theirs.readDouble());
            assertThat(ours.readBoolean()).as("the flag of value %d", i).isEqualTo(theirs.readBoolean());
            assertThat(ours.readFloat()).as("the float of value %d", i).isEqualTo(theirs.readFloat());
            assertThat(ours.readLong()).as("the long of value %d", i).isEqualTo(theirs.readLong());
        }
        assertThat(ours.readByte()).as("the byte after the values").isEqualTo(theirs.readByte());
        assertThat(ours.skipBytes(80_000)).as("bytes skipped of the 70,000 zeros at the end").isEqualTo(70_000);
    }

    @Test
    void runsOfNumbersAreWrittenAndReadAsOneByOne() throws IOException {
        int[] ints = new int[VALUES * 3];
        float[] floats = new float[VALUES * 3];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = i * 7919 - 1_000_000;
            floats[i] = i % 11 == 0 ? Float.NaN : -i / 13f;
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream oneByOne = new DataOutputStream(expected);
        oneByOne.writeByte(3);
        for (int i = 0; i < ints.length - 1; i++) {
            oneByOne.writeInt(ints[i]);
        }
        for (float f : floats) {
            oneByOne.writeFloat(f);
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        CheckpointOutput out = new CheckpointOutput(Channels.newChannel(written), 0);
        out.writeByte(3);
        out.writeInts(ints, ints.length - 1);
        out.writeFloats(floats, floats.length);
        out.finishWithChecksum();
        byte[] bytes = written.toByteArray();
        assertThat(Arrays.copyOf(bytes, bytes.length - Long.BYTES)).as("runs written at once, against one by one")
                .isEqualTo(expected.toByteArray());

        CheckpointInput in = new CheckpointInput(Channels.newChannel(new ByteArrayInputStream(bytes)), 0);
        assertThat(in.readByte()).as("the byte that puts the runs off the buffer's alignment").isEqualTo((byte) 3);
        int[] intsRead = new int[ints.length];
        in.readInts(intsRead, ints.length - 1);
        float[] floatsRead = new float[floats.length];
        in.readFloats(floatsRead, floats.length);
        assertThat(intsRead).as("the ints read back, all but the last, which was not written")
                .isEqualTo(Arrays.copyOf(Arrays.copyOf(ints, ints.length - 1), ints.length));
        assertThat(floatsRead).as("the floats read back").isEqualTo(floats);
    }

    @Test
    void aCheckpointCutShortFailsToReadInsteadOfReadingZeros() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        new DataOutputStream(written).writeInt(7);
        byte[] cut = Arrays.copyOf(written.toByteArray(), 3);

        DataInput in = new CheckpointInput(Channels.newChannel(new ByteArrayInputStream(cut)), 0);
        assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class).hasMessageContaining("1 bytes short");
    }

    @Test
    void aTextTooLongForItsLengthIsRefusedBeforeAnythingIsWritten() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        CheckpointOutput out = new CheckpointOutput(Channels.newChannel(written), 0);

        assertThatThrownBy(() -> out.writeUTF("x".repeat(200_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200000 characters");
        assertThatThrownBy(() -> out.writeUTF("é".repeat(40_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("80000 bytes");
        assertThat(written.size()).as("bytes handed to the channel").isZero();
    }

    private static void writeValues(DataOutput out) throws IOException {
        String[] texts = {"v000042", "", "한국어", "nul\u0000", "🎥"};
        for (int i = 0; i < VALUES; i++) {
            out.writeInt(i * 31 - 5);
            out.writeUTF(texts[i % texts.length] + i);
            out.writeDouble(i / 7.0);
            out.writeBoolean(i % 3 == 0);
            out.writeFloat(-i / 3f);
            out.writeLong(Long.MIN_VALUE + i);
        }
        out.writeByte(1);
        out.write(new byte[70_000], 0, 70_000);
    }
}
