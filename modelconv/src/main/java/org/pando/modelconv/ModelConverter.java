package org.pando.modelconv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the models of installed npm packages to ONNX files in an output directory, skipping a model
 * whose inputs and converter are unchanged since its file was written.
 *
 * <pre>{@code
 * ConversionOutcome outcome = new ModelConverter(Path.of("npm/node_modules"), Path.of("target/models"))
 *         .convert(ModelRecipe.NSFW);
 * }</pre>
 */
final class ModelConverter {
    private final Path nodeModules;
    private final Path outputDirectory;

    ModelConverter(Path nodeModules, Path outputDirectory) {
        this.nodeModules = nodeModules;
        this.outputDirectory = outputDirectory;
    }

    ConversionOutcome convert(ModelRecipe recipe) {
        Path packageJson = recipe.packageDirectory(nodeModules).resolve("package.json");
        requireVersion(recipe, packageJson);
        TfjsModelFiles files = recipe.files(nodeModules);
        List<Path> inputs = new ArrayList<>(List.of(packageJson));
        inputs.addAll(files.files());
        String fingerprint = InputFingerprint.of(inputs);
        ConversionCache cache = new ConversionCache(outputDirectory.resolve(recipe.target().fileName()));
        if (cache.upToDate(fingerprint)) {
            return new ConversionOutcome(recipe.target(), cache.model(), false, size(cache.model()), cache.checksum());
        }
        OnnxGraph graph = GraphTranslator.translate(TfjsModel.read(files), recipe);
        byte[] onnx = OnnxEncoder.encode(OnnxModel.of(recipe.provenance(), graph));
        String checksum = cache.store(onnx, fingerprint);
        return new ConversionOutcome(recipe.target(), cache.model(), true, onnx.length, checksum);
    }

    private static void requireVersion(ModelRecipe recipe, Path packageJson) {
        if (!Files.isRegularFile(packageJson)) {
            throw new ModelConversionFailed("the npm package " + recipe.npmPackage() + " is not installed at " + packageJson.getParent()
                    + " (run npm ci in modelconv/npm)");
        }
        String version = LiteralReader.read(JsonModelFiles.readString(packageJson)).field("version").text();
        if (!version.equals(recipe.npmVersion())) {
            throw new ModelConversionFailed("expected " + recipe.npmPackage() + "@" + recipe.npmVersion() + " but " + version
                    + " is installed; run npm ci in modelconv/npm");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
