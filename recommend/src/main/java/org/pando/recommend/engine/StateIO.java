package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How the engine's tables are written in a checkpoint: a count, then the entries in the order they are held. */
final class StateIO {
    private StateIO() {
    }

    static void writeWeights(DataOutput out, Map<String, Double> weights) throws IOException {
        out.writeInt(weights.size());
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    static void readWeights(DataInput in, Map<String, Double> into) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            into.put(in.readUTF(), in.readDouble());
        }
    }

    static void writeIds(DataOutput out, Collection<String> ids) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    static void readIds(DataInput in, Collection<String> into) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            into.add(in.readUTF());
        }
    }

    static void writeCounts(DataOutput out, Map<String, LongAdder> counts) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().sum());
        }
    }

    static void readCounts(DataInput in, Map<String, LongAdder> into) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            LongAdder count = new LongAdder();
            String key = in.readUTF();
            count.add(in.readLong());
            into.put(key, count);
        }
    }

    static void writeDoubles(DataOutput out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    static double[] readDoubles(DataInput in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    /**
     * Writes the first {@code count} of {@code values}: at once into a checkpoint, one by one into any other output
     * (a taste models snapshot file).
     */
    static void writeFloats(DataOutput out, float[] values, int count) throws IOException {
        if (out instanceof CheckpointOutput checkpoint) {
            checkpoint.writeFloats(values, count);
            return;
        }
        for (int i = 0; i < count; i++) {
            out.writeFloat(values[i]);
        }
    }

    /** Reads {@code count} floats into the start of {@code into}, as {@link #writeFloats} wrote them. */
    static void readFloats(DataInput in, float[] into, int count) throws IOException {
        if (in instanceof CheckpointInput checkpoint) {
            checkpoint.readFloats(into, count);
            return;
        }
        for (int i = 0; i < count; i++) {
            into[i] = in.readFloat();
        }
    }
}
