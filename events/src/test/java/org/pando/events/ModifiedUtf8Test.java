package org.pando.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import org.junit.jupiter.api.Test;

/** Texts read back as {@link DataInputStream} and {@link DataOutputStream} write and read them. */
class ModifiedUtf8Test {
    private static final String[] TEXTS = {"", "v000000042", "Ünïcödé", "한국어 채널", "nul\u0000inside", "🎥 emoji",
            "\u07FF\u0800\uFFFF"};

    @Test
    void decodesWhatADataOutputStreamWrote() throws IOException {
        for (String text : TEXTS) {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            new DataOutputStream(written).writeUTF(text);
            byte[] bytes = written.toByteArray();

            assertThat(ModifiedUtf8.decode(bytes, 2, ModifiedUtf8.length(bytes, 0)))
                    .as("the text %s written by a DataOutputStream", text).isEqualTo(text);
        }
    }

    @Test
    void encodesWhatADataInputStreamReads() throws IOException {
        for (String text : TEXTS) {
            byte[] bytes = new byte[ModifiedUtf8.maxEncodedSize(text) + 3];
            int end = ModifiedUtf8.encode(text, bytes, 3);

            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 3, end - 3));
            assertThat(in.readUTF()).as("the text %s encoded at an offset", text).isEqualTo(text);
            assertThat(in.available()).as("bytes left after %s", text).isZero();
        }
    }

    @Test
    void bytesThatAreNotModifiedUtf8AreRefused() {
        byte[] cutShort = {(byte) 0xE0, (byte) 0x80};
        byte[] noContinuation = {(byte) 0xC3, 'a'};

        assertThatThrownBy(() -> ModifiedUtf8.decode(cutShort, 0, 2)).isInstanceOf(UTFDataFormatException.class);
        assertThatThrownBy(() -> ModifiedUtf8.decode(noContinuation, 0, 2)).isInstanceOf(UTFDataFormatException.class);
    }
}
