package org.pando.modelconv;

import java.util.Arrays;
import java.util.List;

/** An attribute of an ONNX node; the kinds the converted graphs use. */
sealed interface OnnxAttribute {
    String name();

    /** {@code AttributeProto.type} for this kind. */
    int typeCode();

    record Int(String name, long value) implements OnnxAttribute {
        @Override
        public int typeCode() {
            return 2;
        }
    }

    record Ints(String name, List<Long> values) implements OnnxAttribute {
        public Ints {
            values = List.copyOf(values);
        }

        @Override
        public int typeCode() {
            return 7;
        }
    }

    record Real(String name, float value) implements OnnxAttribute {
        @Override
        public int typeCode() {
            return 1;
        }
    }

    record Text(String name, String value) implements OnnxAttribute {
        @Override
        public int typeCode() {
            return 3;
        }
    }

    static OnnxAttribute of(String name, long value) {
        return new Int(name, value);
    }

    static OnnxAttribute of(String name, String value) {
        return new Text(name, value);
    }

    static OnnxAttribute of(String name, float value) {
        return new Real(name, value);
    }

    static OnnxAttribute ints(String name, long... values) {
        return new Ints(name, Arrays.stream(values).boxed().toList());
    }
}
