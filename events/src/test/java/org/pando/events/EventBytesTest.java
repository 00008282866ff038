package org.pando.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Events are encoded byte for byte as a {@link DataOutputStream} would, so segments written before still read. */
class EventBytesTest {
    private static final String[] TEXTS = {"", "v000000042", "Ünïcödé", "한국어 채널", "nul\u0000inside", "🎥 emoji",
            "\u07FF\u0800\uFFFF"};

    @Test
    void textsAndNumbersAreTheBytesADataOutputStreamWrites() throws IOException {
        EventBytes ours = new EventBytes(0);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (DataOutputStream theirs = new DataOutputStream(expected)) {
            for (String text : TEXTS) {
                ours.writeUtf(text);
                theirs.writeUTF(text);
            }
            ours.writeLong(-1_790_000_000_123L);
            theirs.writeLong(-1_790_000_000_123L);
            ours.writeDouble(0.25);
            theirs.writeDouble(0.25);
            ours.writeInt(-7);
            theirs.writeInt(-7);
            ours.writeByte(200);
            theirs.writeByte(200);
        }
        assertThat(ours.toArray()).as("the encoding of %s and three numbers", String.join(" | ", TEXTS))
                .isEqualTo(expected.toByteArray());
    }

    @Test
    void anEventReadsBackAsItWasWritten() throws IOException {
        UserEvent event = new UserEvent(EventType.COMPLETE, "사용자-1", "v\u0000x", "créateur", Surface.FOR_YOU,
                Optional.of("KR"), Optional.empty(), 12_345, 60_000, Instant.ofEpochMilli(1_790_000_000_000L), OptionalDouble.of(0.5));
        byte[] bytes = EventCodec.bytes(event);

        assertThat(EventCodec.of(bytes, 0, bytes.length)).isEqualTo(event);
    }

    @Test
    void aTextTooLongForItsLengthIsRefused() {
        EventBytes bytes = new EventBytes(16);

        assertThatThrownBy(() -> bytes.writeUtf("é".repeat(40_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("80000");
    }
}
