package org.pando.understanding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An ONNX model that ships inside Pando's jars, checked against its SHA-256 before ONNX Runtime opens it. Each
 * session runs on one thread: the analysis shares a small machine with serving and transcoding.
 *
 * @param what     the model as the uploader's error message names it, such as "face detection"
 * @param resource its class path resource, such as {@code /models/silero_vad_v5.onnx}
 * @param sha256   the digest it must have, lower-case hex
 */
record BundledModel(String what, String resource, String sha256) {

    /** The model whose digest lies beside it, in {@code sha256sum} format, as {@code resource + ".sha256"}. */
    static BundledModel withDigestFile(String what, String resource) {
        String line = new String(read(what + " model's checksum", resource + ".sha256"), StandardCharsets.UTF_8).strip();
        int space = line.indexOf(' ');
        return new BundledModel(what, resource, (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT));
    }

    /**
     * Reads and checks the model and opens a session on it; the caller closes the session.
     *
     * @throws ModelMissing when it is not in the build, is not the expected file, or ONNX Runtime refuses it
     */
    OrtSession open() {
        byte[] model = read(what + " model", resource);
        String digest = sha256(model);
        if (!digest.equals(sha256)) {
            throw new ModelMissing("The " + what + " model " + resource + " is not the expected one (SHA-256 " + digest
                    + " instead of " + sha256 + "); build Pando again");
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            // the face model carries unused constants that ONNX Runtime warns about on every load
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            return OrtEnvironment.getEnvironment().createSession(model, options);
        } catch (OrtException e) {
            throw new ModelMissing("The " + what + " model could not be loaded: " + e.getMessage());
        }
    }

    private static byte[] read(String what, String resource) {
        try (InputStream in = BundledModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelMissing("The " + what + " " + resource + " is not in Pando's build; build Pando again");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelMissing("The " + what + " " + resource + " could not be read: " + e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
