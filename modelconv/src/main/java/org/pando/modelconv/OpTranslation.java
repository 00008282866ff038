package org.pando.modelconv;

/** Translates one TensorFlow node into ONNX nodes, returning the tensor that stands for the node's output. */
@FunctionalInterface
interface OpTranslation {
    TensorValue translate(TfjsNode node, TranslationContext context);
}
