package org.pando.blobs;

import org.pando.domain.InvalidInput;

/** The rule keys keep: relative, slash-separated, with no empty, {@code .} or {@code ..} segment. */
public final class BlobKeys {
    private BlobKeys() {
    }

    /**
     * The key, when it keeps the rule.
     *
     * @throws InvalidInput when it does not (so that a key made from a request cannot leave its folder)
     */
    public static String check(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\") || key.indexOf('\0') >= 0) {
            throw invalid(key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw invalid(key);
            }
        }
        return key;
    }

    private static InvalidInput invalid(String key) {
        return new InvalidInput("blob-key", "'" + key + "' is not a file's name in the store.");
    }
}
