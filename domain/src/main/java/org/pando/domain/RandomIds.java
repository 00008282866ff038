package org.pando.domain;

import java.security.SecureRandom;

/**
 * Unguessable identifiers for public objects (videos, channels, accounts, uploads) and secret tokens.
 *
 * <p>Identifiers are 12 characters of the URL-safe base-62 alphabet (about 71 bits), so they are short
 * in a URL and cannot be enumerated; tokens are 43 characters (256 bits).
 */
public final class RandomIds {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    /** A new 12-character identifier. */
    public static String id() {
        return random(12);
    }

    /** A new 43-character secret, for session and API tokens. */
    public static String secret() {
        return random(43);
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
