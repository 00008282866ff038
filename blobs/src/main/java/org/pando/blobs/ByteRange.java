package org.pando.blobs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of bytes as an HTTP {@code Range} header asks for it (RFC 9110): from {@code first} to {@code last}
 * inclusive, from {@code first} to the end ({@code last} is -1), or the last {@code suffix} bytes ({@code first}
 * is -1).
 *
 * @param first  the first byte's offset, or -1 for a suffix range
 * @param last   the last byte's offset, or -1 for up to the end
 * @param suffix how many bytes at the end, for a suffix range
 */
public record ByteRange(long first, long last, long suffix) {
    /** The whole blob. */
    public static final ByteRange ALL = new ByteRange(0, -1, 0);
    private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * The range a {@code Range} header asks for; the whole blob when there is no header, or when it is not one
     * range of bytes (a server may answer such requests with the whole representation).
     */
    public static ByteRange of(Optional<String> header) {
        if (header.isEmpty()) {
            return ALL;
        }
        Matcher m = ONE_RANGE.matcher(header.get().trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty() || m.group(1).length() > 18 || m.group(2).length() > 18) {
            return ALL;
        }
        if (m.group(1).isEmpty()) {
            return new ByteRange(-1, -1, Long.parseLong(m.group(2)));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? -1 : Long.parseLong(m.group(2));
        return last >= 0 && last < first ? ALL : new ByteRange(first, last, 0);
    }

    /** Whether this asks for the whole blob. */
    public boolean whole() {
        return equals(ALL);
    }

    /**
     * The offset of the first byte this range takes of a blob of {@code total} bytes.
     *
     * @throws RangeNotSatisfiable when it starts past the end, or asks for the last 0 bytes
     */
    public long firstOf(long total) {
        long from = first >= 0 ? first : Math.max(0, total - suffix);
        if (!whole() && (from >= total || first < 0 && suffix == 0)) {
            throw new RangeNotSatisfiable(total);
        }
        return from;
    }

    /** How many bytes this range takes of a blob of {@code total} bytes, from {@link #firstOf}. */
    public long lengthOf(long total) {
        long from = firstOf(total);
        long to = first >= 0 && last >= 0 ? Math.min(last, total - 1) : total - 1;
        return Math.max(0, to - from + 1);
    }

    /** The range as a {@code Range} header's value. */
    public String header() {
        return first < 0 ? "bytes=-" + suffix : "bytes=" + first + "-" + (last < 0 ? "" : Long.toString(last));
    }
}
