package org.pando.modelconv;

import java.nio.file.Path;

/**
 * The build step: converts every {@link ConvertedModel} from the npm packages in a {@code node_modules}
 * directory into an output directory. The module's build runs it after {@code compile}:
 *
 * <pre>
 * java -cp modelconv/target/classes org.pando.modelconv.ConvertModels modelconv/npm/node_modules modelconv/target/models
 * </pre>
 */
public final class ConvertModels {
    private ConvertModels() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ConvertModels <node_modules directory> <output directory>");
        }
        ModelConverter converter = new ModelConverter(Path.of(args[0]), Path.of(args[1]));
        for (ModelRecipe recipe : ModelRecipe.all()) {
            System.out.println("[modelconv] " + converter.convert(recipe).summary());
        }
    }
}
