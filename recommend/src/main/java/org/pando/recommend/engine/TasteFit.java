package org.pando.recommend.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * One fit of the engine's taste models as numbers: iALS's item vectors over the videos it saw, and EASE's weights over
 * the most watched of them. The engine fits one itself on a schedule, or adopts one trained offline ({@code pando
 * train}) and kept as a snapshot file: a header (magic number, format version), the fit, and a CRC-32C of both.
 *
 * @param version      increases with every fit the engine adopts (a fit trained offline takes the time it was trained)
 * @param videos       iALS item index → video id
 * @param factors      iALS vector length
 * @param itemFactors  {@code videos.size()} x {@code factors} floats, row-major
 * @param head         EASE item index → video id
 * @param easeWeights  {@code head.size()} x {@code head.size()} floats, row-major
 */
public record TasteFit(long version, List<String> videos, int factors, float[] itemFactors, List<String> head,
        float[] easeWeights) {
    /** iALS sweeps per fit. */
    public static final int ITERATIONS = 10;
    /** iALS confidence per unit of weight. */
    public static final float ALPHA = 10f;
    /** iALS L2 penalty. */
    public static final float ALS_LAMBDA = 1f;
    /** EASE L2 penalty. */
    public static final float EASE_LAMBDA = 20f;

    /** Where snapshots are kept in a blob store, each under {@link #snapshotKey}. */
    public static final String SNAPSHOTS = "models/taste";

    private static final String SUFFIX = ".snapshot";
    private static final int VERSION_DIGITS = 19;
    private static final int MAGIC = 0x50415446;
    /** Raised whenever what is written changes; a snapshot of another version is refused. */
    private static final int FORMAT = 1;
    private static final int BUFFER = 1 << 16;

    public TasteFit {
        videos = List.copyOf(videos);
        head = List.copyOf(head);
        if (itemFactors.length != (long) videos.size() * factors) {
            throw new IllegalArgumentException(itemFactors.length + " item factors are not " + videos.size() + " x " + factors);
        }
        if (easeWeights.length != (long) head.size() * head.size()) {
            throw new IllegalArgumentException(easeWeights.length + " EASE weights are not " + head.size() + " squared");
        }
    }

    /** The key of the snapshot of the fit of this version: keys sort as their versions do. */
    public static String snapshotKey(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("A snapshot's version is not negative: " + version);
        }
        return SNAPSHOTS + "/" + String.format(Locale.ROOT, "%0" + VERSION_DIGITS + "d", version) + SUFFIX;
    }

    /** Whether a key is one {@link #snapshotKey} makes. */
    public static boolean isSnapshotKey(String key) {
        int digits = SNAPSHOTS.length() + 1;
        return key.startsWith(SNAPSHOTS + "/") && key.endsWith(SUFFIX)
                && key.length() == digits + VERSION_DIGITS + SUFFIX.length()
                && key.substring(digits, digits + VERSION_DIGITS).chars().allMatch(Character::isDigit);
    }

    /** The version a {@link #snapshotKey} names. */
    public static long versionOf(String key) {
        if (!isSnapshotKey(key)) {
            throw new IllegalArgumentException("Not a taste models snapshot's key: " + key);
        }
        int digits = SNAPSHOTS.length() + 1;
        return Long.parseLong(key.substring(digits, digits + VERSION_DIGITS));
    }

    /** Writes the fit alone, as the engine's checkpoint carries it. */
    void writeTo(DataOutput out) throws IOException {
        out.writeLong(version);
        StateIO.writeIds(out, videos);
        out.writeInt(factors);
        StateIO.writeFloats(out, itemFactors, itemFactors.length);
        StateIO.writeIds(out, head);
        StateIO.writeFloats(out, easeWeights, easeWeights.length);
    }

    /** Reads what {@link #writeTo} wrote. */
    static TasteFit readFrom(DataInput in) throws IOException {
        long version = in.readLong();
        List<String> videos = new ArrayList<>();
        StateIO.readIds(in, videos);
        int k = in.readInt();
        float[] factors = new float[Math.multiplyExact(videos.size(), k)];
        StateIO.readFloats(in, factors, factors.length);
        List<String> head = new ArrayList<>();
        StateIO.readIds(in, head);
        float[] weights = new float[Math.multiplyExact(head.size(), head.size())];
        StateIO.readFloats(in, weights, weights.length);
        return new TasteFit(version, videos, k, factors, head, weights);
    }

    /** Writes the fit as a snapshot file's bytes. */
    public void save(OutputStream target) throws IOException {
        CRC32C crc = new CRC32C();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(target, crc), BUFFER));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        writeTo(out);
        out.flush();
        new DataOutputStream(target).writeLong(crc.getValue());
        target.flush();
    }

    /**
     * Reads a snapshot file's bytes.
     *
     * @throws IOException when they are not a snapshot of this format, or are damaged
     */
    public static TasteFit load(InputStream source) throws IOException {
        CRC32C crc = new CRC32C();
        BufferedInputStream buffered = new BufferedInputStream(source, BUFFER);
        DataInputStream in = new DataInputStream(new CheckedInputStream(buffered, crc));
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a taste models snapshot");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("A taste models snapshot of format " + format + "; this Pando reads format " + FORMAT);
        }
        TasteFit fit = readFrom(in);
        long computed = crc.getValue();
        if (new DataInputStream(buffered).readLong() != computed) {
            throw new IOException("The taste models snapshot is damaged: its checksum does not match");
        }
        return fit;
    }
}
