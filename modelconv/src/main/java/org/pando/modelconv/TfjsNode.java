package org.pando.modelconv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of a TensorFlow.js graph model: its name, TensorFlow op, the nodes whose outputs it reads, and
 * its attributes in TensorFlow's {@code AttrValue} form ({@code {"i": "1"}}, {@code {"s": base64}},
 * {@code {"list": {"i": [...]}}}, ...).
 */
record TfjsNode(String name, String op, List<String> inputs, Map<String, Literal> attributes) {

    TfjsNode {
        inputs = List.copyOf(inputs);
        attributes = Map.copyOf(attributes);
    }

    /** Reads a node of {@code modelTopology.node}; control dependencies ({@code ^name}) are left out. */
    static TfjsNode from(Literal node) {
        String name = node.field("name").text();
        List<String> inputs = new ArrayList<>();
        for (Literal input : node.optionalField("input").map(Literal::items).orElse(List.of())) {
            String reference = input.text();
            if (reference.startsWith("^")) {
                continue;
            }
            inputs.add(outputZeroOf(name, reference));
        }
        Map<String, Literal> attributes = node.optionalField("attr")
                .map(Literal::fields)
                .orElse(Map.of());
        return new TfjsNode(name, node.field("op").text(), inputs, attributes);
    }

    private static String outputZeroOf(String node, String reference) {
        int colon = reference.lastIndexOf(':');
        if (colon < 0) {
            return reference;
        }
        if (!reference.substring(colon + 1).equals("0")) {
            throw new ModelConversionFailed("node " + node + " reads output " + reference + "; only first outputs are supported");
        }
        return reference.substring(0, colon);
    }

    /** The name of the node feeding input {@code index}. */
    String input(int index) {
        if (index >= inputs.size()) {
            throw new ModelConversionFailed(describe() + " has " + inputs.size() + " inputs, not " + (index + 1));
        }
        return inputs.get(index);
    }

    /** An integer list attribute such as {@code strides}; empty when the list is empty. */
    List<Long> ints(String attribute) {
        return list(attribute, "i").stream().map(Literal::integer).toList();
    }

    /** A string list attribute such as {@code fused_ops}. */
    List<String> strings(String attribute) {
        return list(attribute, "s").stream().map(s -> decode(s.text())).toList();
    }

    /** A string attribute such as {@code padding}. */
    String string(String attribute) {
        return decode(required(attribute).field("s").text());
    }

    /** A string attribute, if present. */
    Optional<String> optionalString(String attribute) {
        return Optional.ofNullable(attributes.get(attribute)).map(value -> decode(value.field("s").text()));
    }

    /** A boolean attribute, or the default TensorFlow gives it when absent. */
    boolean bool(String attribute, boolean absent) {
        return Optional.ofNullable(attributes.get(attribute)).map(value -> value.optionalField("b").map(Literal::bool).orElse(false)).orElse(absent);
    }

    /** The attribute's raw {@code AttrValue}. */
    Literal required(String attribute) {
        Literal value = attributes.get(attribute);
        if (value == null) {
            throw new ModelConversionFailed(describe() + " has no attribute '" + attribute + "'");
        }
        return value;
    }

    /** "node 'name' (Op)", for messages. */
    String describe() {
        return "node '" + name + "' (" + op + ")";
    }

    private List<Literal> list(String attribute, String kind) {
        return required(attribute).field("list").optionalField(kind).map(Literal::items).orElse(List.of());
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
