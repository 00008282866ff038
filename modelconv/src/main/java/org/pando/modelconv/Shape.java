package org.pando.modelconv;

import java.util.ArrayList;
import java.util.List;

/** The dimensions of a tensor; {@link #UNKNOWN} marks a dimension known only at run time (the batch). */
record Shape(List<Long> dims) {
    static final long UNKNOWN = -1;

    Shape {
        dims = List.copyOf(dims);
    }

    static Shape of(long... dims) {
        List<Long> list = new ArrayList<>(dims.length);
        for (long dim : dims) {
            list.add(dim);
        }
        return new Shape(list);
    }

    int rank() {
        return dims.size();
    }

    long dim(int axis) {
        return dims.get(axis);
    }

    long[] toArray() {
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    /** The number of elements; fails when a dimension is unknown. */
    int elementCount() {
        long count = 1;
        for (long dim : dims) {
            if (dim < 0) {
                throw new ModelConversionFailed("the shape " + this + " has an unknown dimension");
            }
            count = Math.multiplyExact(count, dim);
        }
        return Math.toIntExact(count);
    }

    /** The shape with its axes reordered: axis {@code i} of the result is axis {@code order[i]} of this. */
    Shape permuted(int... order) {
        if (order.length != rank()) {
            throw new ModelConversionFailed("cannot reorder the axes of " + this + " by " + order.length + " indices");
        }
        long[] result = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            result[i] = dim(order[i]);
        }
        return of(result);
    }

    /** The shape two operands broadcast to under the ONNX (numpy) rules. */
    Shape broadcast(Shape other) {
        int rank = Math.max(rank(), other.rank());
        long[] result = new long[rank];
        for (int i = 0; i < rank; i++) {
            long a = fromEnd(this, rank - 1 - i);
            long b = fromEnd(other, rank - 1 - i);
            if (a == 1 || a == b) {
                result[i] = b;
            } else if (b == 1) {
                result[i] = a;
            } else if (a == UNKNOWN || b == UNKNOWN) {
                result[i] = UNKNOWN;
            } else {
                throw new ModelConversionFailed("the shapes " + this + " and " + other + " do not broadcast");
            }
        }
        return of(result);
    }

    private static long fromEnd(Shape shape, int offset) {
        int axis = shape.rank() - 1 - offset;
        return axis >= 0 ? shape.dim(axis) : 1;
    }

    @Override
    public String toString() {
        return dims.toString();
    }
}
