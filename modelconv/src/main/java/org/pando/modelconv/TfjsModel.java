package org.pando.modelconv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A TensorFlow.js graph model read into memory: its nodes by name and its decoded weights by name. */
record TfjsModel(Map<String, TfjsNode> nodes, Map<String, Constant> weights) {

    TfjsModel {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** Reads the description and the weights a model's files hold. */
    static TfjsModel read(TfjsModelFiles files) {
        Literal json = files.modelJson();
        String format = json.optionalField("format").map(Literal::text).orElse("graph-model");
        if (!format.equals("graph-model")) {
            throw new ModelConversionFailed("expected a TensorFlow.js graph model but the format is '" + format + "'");
        }
        Map<String, TfjsNode> nodes = new LinkedHashMap<>();
        for (Literal literal : json.field("modelTopology").field("node").items()) {
            TfjsNode node = TfjsNode.from(literal);
            if (nodes.put(node.name(), node) != null) {
                throw new ModelConversionFailed("the graph has two nodes named " + node.name());
            }
        }
        List<WeightSpec> specs = new ArrayList<>();
        List<byte[]> shards = new ArrayList<>();
        for (Literal group : json.field("weightsManifest").items()) {
            group.field("weights").items().forEach(entry -> specs.add(WeightSpec.from(entry)));
            group.field("paths").items().forEach(path -> shards.add(files.shard(path.text())));
        }
        return new TfjsModel(nodes, WeightDecoder.decodeAll(specs, concatenated(shards)));
    }

    /** The node of that name, if the graph has one. */
    Optional<TfjsNode> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    private static byte[] concatenated(List<byte[]> shards) {
        int length = shards.stream().mapToInt(shard -> shard.length).sum();
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] shard : shards) {
            System.arraycopy(shard, 0, all, offset, shard.length);
            offset += shard.length;
        }
        return all;
    }
}
