package org.pando.modelconv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A graph model as the TensorFlow.js converter writes it: {@code model.json} and binary shards beside it. */
record JsonModelFiles(Path modelJsonFile) implements TfjsModelFiles {

    @Override
    public Literal modelJson() {
        return LiteralReader.read(readString(modelJsonFile));
    }

    @Override
    public byte[] shard(String path) {
        Path file = modelJsonFile.resolveSibling(path);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the weight shard " + file, e);
        }
    }

    @Override
    public List<Path> files() {
        List<Path> files = new ArrayList<>(List.of(modelJsonFile));
        for (Literal group : modelJson().field("weightsManifest").items()) {
            for (Literal path : group.field("paths").items()) {
                files.add(modelJsonFile.resolveSibling(path.text()));
            }
        }
        return files;
    }

    static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
