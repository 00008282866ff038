package org.pando.learn;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.netlib.util.intW;

/**
 * The leading right singular vectors of a sparse matrix by randomized range finding with power iterations
 * (Halko, Martinsson and Tropp, 2011): project on a random subspace a little larger than wanted, sharpen it
 * with a few multiplications by AᵀA (re-orthonormalised each time), then solve the small problem exactly.
 * Dense steps (QR, the small eigenproblem, products) go to BLAS/LAPACK.
 */
final class RandomizedSvd {
    /**
     * The result: {@code vectors} is items x k, row-major (item i's loadings at {@code i * k}); {@code values}
     * are the singular values, largest first.
     */
    record Result(int k, float[] vectors, float[] values) {
    }

    private RandomizedSvd() {
    }

    static Result rightVectors(Interactions a, int k, int oversample, int powerIterations, long seed, Progress progress) {
        int m = a.users();
        int n = a.items();
        int l = Math.min(n, k + oversample);
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = new float[n * l];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        float[] y = new float[m * l];
        multiply(a, z, y, l);
        orthonormalise(y, m, l);
        for (int q = 0; q < powerIterations; q++) {
            multiplyTransposed(a, y, z, l);
            orthonormalise(z, n, l);
            multiply(a, z, y, l);
            orthonormalise(y, m, l);
            progress.report("singular vectors", (q + 1.0) / (powerIterations + 1));
        }
        multiplyTransposed(a, y, z, l);
        // z is Aᵀ Q (n x l); its left singular vectors are A's leading right ones. Solve via zᵀz = W Λ Wᵀ.
        float[] gram = new float[l * l];
        BLAS.getInstance().sgemm("T", "N", l, l, n, 1f, z, n, z, n, 0f, gram, l);
        float[] eigenvalues = new float[l];
        symmetricEigen(gram, l, eigenvalues);
        float[] rotated = new float[n * l];
        BLAS.getInstance().sgemm("N", "N", n, l, l, 1f, z, n, gram, l, 0f, rotated, n);
        float[] vectors = new float[n * k];
        float[] values = new float[k];
        for (int c = 0; c < k; c++) {
            int source = l - 1 - c;
            float sigma = (float) Math.sqrt(Math.max(eigenvalues[source], 1e-20f));
            values[c] = sigma;
            int base = source * n;
            for (int i = 0; i < n; i++) {
                vectors[i * k + c] = rotated[base + i] / sigma;
            }
        }
        progress.report("singular vectors", 1);
        return new Result(k, vectors, values);
    }

    /** out (m x l, column-major) = A (m x n, sparse rows) · in (n x l, column-major). */
    private static void multiply(Interactions a, float[] in, float[] out, int l) {
        int m = a.users();
        int n = a.items();
        Arrays.fill(out, 0f);
        Parallel.forEach(l, Parallel.threads(), c -> {
            int inBase = c * n;
            int outBase = c * m;
            for (int u = 0; u < m; u++) {
                float sum = 0;
                for (int e = a.start(u); e < a.end(u); e++) {
                    sum += a.weight(e) * in[inBase + a.item(e)];
                }
                out[outBase + u] = sum;
            }
        });
    }

    /** out (n x l, column-major) = Aᵀ · in (m x l, column-major). */
    private static void multiplyTransposed(Interactions a, float[] in, float[] out, int l) {
        int m = a.users();
        int n = a.items();
        Arrays.fill(out, 0f);
        Parallel.forEach(l, Parallel.threads(), c -> {
            int inBase = c * m;
            int outBase = c * n;
            for (int u = 0; u < m; u++) {
                float x = in[inBase + u];
                if (x == 0f) {
                    continue;
                }
                for (int e = a.start(u); e < a.end(u); e++) {
                    out[outBase + a.item(e)] += a.weight(e) * x;
                }
            }
        });
    }

    /** Replaces the columns of the rows x cols column-major matrix by an orthonormal basis of their span. */
    private static void orthonormalise(float[] matrix, int rows, int cols) {
        LAPACK lapack = LAPACK.getInstance();
        float[] tau = new float[cols];
        float[] query = new float[1];
        intW info = new intW(0);
        lapack.sgeqrf(rows, cols, matrix, rows, tau, query, -1, info);
        float[] work = new float[Math.max(1, (int) query[0])];
        lapack.sgeqrf(rows, cols, matrix, rows, tau, work, work.length, info);
        check(info, "sgeqrf");
        lapack.sorgqr(rows, cols, cols, matrix, rows, tau, query, -1, info);
        work = new float[Math.max(work.length, (int) query[0])];
        lapack.sorgqr(rows, cols, cols, matrix, rows, tau, work, work.length, info);
        check(info, "sorgqr");
    }

    /** Eigenvectors (in place, column-major) and ascending eigenvalues of a symmetric matrix. */
    private static void symmetricEigen(float[] matrix, int n, float[] eigenvalues) {
        LAPACK lapack = LAPACK.getInstance();
        float[] query = new float[1];
        int[] iquery = new int[1];
        intW info = new intW(0);
        lapack.ssyevd("V", "U", n, matrix, n, eigenvalues, query, -1, iquery, -1, info);
        float[] work = new float[Math.max(1, (int) query[0])];
        int[] iwork = new int[Math.max(1, iquery[0])];
        lapack.ssyevd("V", "U", n, matrix, n, eigenvalues, work, work.length, iwork, iwork.length, info);
        check(info, "ssyevd");
    }

    private static void check(intW info, String routine) {
        if (info.val != 0) {
            throw new IllegalStateException(routine + " failed with info " + info.val);
        }
    }
}
