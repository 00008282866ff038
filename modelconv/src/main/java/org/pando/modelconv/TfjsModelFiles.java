package org.pando.modelconv;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a TensorFlow.js graph model's description ({@code model.json}) and weight shards come from: plain
 * files, or the script bundles nsfwjs ships.
 */
interface TfjsModelFiles {

    /** The model description: {@code modelTopology} and {@code weightsManifest}. */
    Literal modelJson();

    /** The bytes of the weight shard a manifest names by {@code path}. */
    byte[] shard(String path);

    /** Every file the model is read from, for the conversion's input fingerprint. */
    List<Path> files();
}
