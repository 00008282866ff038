package org.pando.modelconv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in lower-case hex, of bytes, of files, or of a sequence of named parts. */
final class Sha256 {
    private final MessageDigest digest;

    private Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static Sha256 start() {
        return new Sha256();
    }

    /** The plain digest of the bytes, as {@code sha256sum} prints it. */
    static String of(byte[] bytes) {
        Sha256 sha = start();
        sha.digest.update(bytes);
        return sha.hex();
    }

    /** The plain digest of a file's bytes, as {@code sha256sum} prints it. */
    static String of(Path file) {
        return start().addContent(file).hex();
    }

    /** Adds a label, length-prefixed so that concatenations cannot collide. */
    Sha256 add(String label) {
        return add(label.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds bytes, length-prefixed so that concatenations cannot collide. */
    Sha256 add(byte[] bytes) {
        digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    /** Adds a file's bytes, streamed. */
    Sha256 addContent(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
