package org.pando.modelconv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ProtoWriterTest {

    private record Case(String name, Supplier<ProtoWriter> write, String expectedHex) {
    }

    @Test
    void writesTheWireFormatOfTheProtobufEncodingGuide() {
        List<Case> cases = List.of(
                new Case("varint 150 in field 1", () -> new ProtoWriter().varint(1, 150), "089601"),
                new Case("zero", () -> new ProtoWriter().varint(1, 0), "0800"),
                new Case("negative int64 takes ten bytes", () -> new ProtoWriter().varint(1, -1), "08ffffffffffffffffff01"),
                new Case("string 'testing' in field 2", () -> new ProtoWriter().string(2, "testing"), "120774657374696e67"),
                new Case("nested message in field 3", () -> new ProtoWriter().message(3, m -> m.varint(1, 150)), "1a03089601"),
                new Case("packed varints 3, 270, 86942 in field 4", () -> new ProtoWriter().packedVarints(4, new long[] {3, 270, 86942}), "2206038e029ea705"),
                new Case("float 1.0 as fixed32", () -> new ProtoWriter().float32(2, 1.0f), "150000803f"),
                new Case("field 20 needs a two-byte tag", () -> new ProtoWriter().varint(20, 2), "a00102"),
                new Case("empty bytes", () -> new ProtoWriter().bytes(9, new byte[0]), "4a00"),
                new Case("fields in order of writing", () -> new ProtoWriter().varint(1, 7).string(8, "x"), "08074201 78".replace(" ", "")));
        for (Case c : cases) {
            assertThat(HexFormat.of().formatHex(c.write().get().toByteArray())).as(c.name()).isEqualTo(c.expectedHex());
        }
    }

    @Test
    void varintsOfLargeValuesUseSevenBitsPerByte() {
        byte[] bytes = new ProtoWriter().varint(1, 1L << 35).toByteArray();

        assertThat(HexFormat.of().formatHex(bytes)).as("2^35 is six groups of seven bits, the last holding bit 35").isEqualTo("08808080808001");
    }
}
