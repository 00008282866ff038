package org.pando.modelconv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One converted model on disk with two small files beside it: {@code <model>.sha256} (the model's checksum,
 * in {@code sha256sum} format) and {@code <model>.inputs} (the {@link InputFingerprint} it was made from).
 * The model is up to date when the fingerprint is unchanged and the model still matches its checksum.
 */
record ConversionCache(Path model) {

    Path checksumFile() {
        return model.resolveSibling(model.getFileName() + ".sha256");
    }

    Path fingerprintFile() {
        return model.resolveSibling(model.getFileName() + ".inputs");
    }

    boolean upToDate(String fingerprint) {
        if (!Files.isRegularFile(model) || !Files.isRegularFile(checksumFile()) || !Files.isRegularFile(fingerprintFile())) {
            return false;
        }
        return read(fingerprintFile()).strip().equals(fingerprint)
                && read(checksumFile()).split("\\s+")[0].equals(Sha256.of(model));
    }

    /** The recorded checksum of the model. */
    String checksum() {
        return read(checksumFile()).split("\\s+")[0];
    }

    /**
     * Writes the model and its checksum, then the fingerprint; the fingerprint goes first on removal and
     * last on writing, so an interrupted write is never taken for an up-to-date model.
     */
    String store(byte[] onnx, String fingerprint) {
        String checksum = Sha256.of(onnx);
        try {
            Files.createDirectories(model.toAbsolutePath().getParent());
            Files.deleteIfExists(fingerprintFile());
            Path partial = model.resolveSibling(model.getFileName() + ".partial");
            Files.write(partial, onnx);
            Files.move(partial, model, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(checksumFile(), checksum + "  " + model.getFileName() + "\n", StandardCharsets.US_ASCII);
            Files.writeString(fingerprintFile(), fingerprint + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + model, e);
        }
        return checksum;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
