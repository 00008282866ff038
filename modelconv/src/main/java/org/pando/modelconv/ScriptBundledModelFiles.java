package org.pando.modelconv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A graph model packed into browser script bundles, as nsfwjs ships it: {@code model.min.js} exports the
 * model description as an object literal, and each {@code <shard>.min.js} exports its weights as a base64
 * string. Nothing is executed; the exported literal is read as text.
 */
record ScriptBundledModelFiles(Path directory, String modelScript) implements TfjsModelFiles {
    private static final Pattern EXPORT = Pattern.compile("\\.exports=(?=[{\"'])");
    private static final String SCRIPT_SUFFIX = ".min.js";

    @Override
    public Literal modelJson() {
        return exported(directory.resolve(modelScript));
    }

    @Override
    public byte[] shard(String path) {
        Path script = directory.resolve(path + SCRIPT_SUFFIX);
        String base64 = exported(script).text();
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ModelConversionFailed("the weight bundle " + script + " does not hold valid base64", e);
        }
    }

    @Override
    public List<Path> files() {
        List<Path> files = new ArrayList<>(List.of(directory.resolve(modelScript)));
        for (Literal group : modelJson().field("weightsManifest").items()) {
            for (Literal path : group.field("paths").items()) {
                files.add(directory.resolve(path.text() + SCRIPT_SUFFIX));
            }
        }
        return files;
    }

    /** The one literal the bundle assigns to {@code exports}. */
    static Literal exported(String script, String origin) {
        Matcher matcher = EXPORT.matcher(script);
        List<Integer> starts = new ArrayList<>();
        while (matcher.find()) {
            starts.add(matcher.end());
        }
        if (starts.size() != 1) {
            throw new ModelConversionFailed(origin + " should export exactly one literal but has " + starts.size() + " exports");
        }
        return LiteralReader.readAt(script, starts.getFirst()).value();
    }

    private static Literal exported(Path script) {
        if (!Files.isRegularFile(script)) {
            throw new ModelConversionFailed("missing model bundle " + script + " (run npm ci in modelconv/npm)");
        }
        return exported(JsonModelFiles.readString(script), script.toString());
    }
}
