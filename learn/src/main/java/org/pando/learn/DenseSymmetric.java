package org.pando.learn;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * A dense symmetric n x n float matrix in one array (row-major; symmetric, so also column-major), with an
 * in-place inverse by Cholesky factorisation through LAPACK ({@code spotrf}, {@code spotri}). LAPACK is the
 * machine's optimised one when it has one (OpenBLAS), otherwise a pure-Java fallback.
 */
final class DenseSymmetric {
    /** The largest n whose n x n floats fit in one Java array. */
    static final int MAX_SIZE = 46_340;

    final int n;
    final float[] values;

    DenseSymmetric(int n) {
        this(n, new float[checked(n) * n]);
    }

    /** A matrix over these values, n x n row-major, which it changes in place. */
    DenseSymmetric(int n, float[] values) {
        if (values.length != (long) checked(n) * n) {
            throw new IllegalArgumentException(values.length + " values are not " + n + " x " + n);
        }
        this.n = n;
        this.values = values;
    }

    private static int checked(int n) {
        if (n > MAX_SIZE) {
            throw new IllegalArgumentException(n + " x " + n + " does not fit in one array; restrict the catalogue");
        }
        return n;
    }

    /** The LAPACK implementation in use, for reports: native or pure Java. */
    static String lapackName() {
        return LAPACK.getInstance().getClass().getSimpleName();
    }

    /** Replaces this positive-definite matrix by its inverse. */
    void invertInPlace() {
        intW info = new intW(0);
        LAPACK lapack = LAPACK.getInstance();
        lapack.spotrf("U", n, values, n, info);
        if (info.val != 0) {
            throw new IllegalStateException("The matrix is not positive definite (spotrf info " + info.val + ")");
        }
        lapack.spotri("U", n, values, n, info);
        if (info.val != 0) {
            throw new IllegalStateException("The inverse failed (spotri info " + info.val + ")");
        }
        mirrorLowerToUpper();
    }

    /** LAPACK filled the column-major upper triangle, the row-major lower one; copy it across, tile by tile. */
    private void mirrorLowerToUpper() {
        int tile = 64;
        for (int rowTile = 0; rowTile < n; rowTile += tile) {
            for (int colTile = rowTile; colTile < n; colTile += tile) {
                int rowEnd = Math.min(n, rowTile + tile);
                int colEnd = Math.min(n, colTile + tile);
                for (int row = rowTile; row < rowEnd; row++) {
                    int rowBase = row * n;
                    for (int col = Math.max(colTile, row + 1); col < colEnd; col++) {
                        values[rowBase + col] = values[col * n + row];
                    }
                }
            }
        }
    }
}
