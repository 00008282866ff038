package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a video's frames add up to, and the bundled models' checksums. */
class VisualFindingsTest {
    private static final ImageEmbedding EMBEDDING = new ImageEmbedding(new float[] {1, 0});

    @Test
    void theSummaryComesFromTheFrames() {
        VisualFindings seen = new VisualFindings(List.of(new FrameFindings(0, 0.02, 0, 0), new FrameFindings(1, 0.4, 2, 0.3),
                new FrameFindings(2, 0.1, 1, 0.25)), EMBEDDING);

        assertThat(seen.nsfwMax()).as("the highest frame score").isEqualTo(0.4);
        assertThat(seen.nsfwMaxAt()).as("its time").hasValue(1.0);
        assertThat(seen.facesFound()).as("most faces in one frame").isEqualTo(2);
        assertThat(seen.personCoverage()).as("coverage frame by frame")
                .containsExactly(new PersonCoverage(0, 0), new PersonCoverage(1, 0.3), new PersonCoverage(2, 0.25));
        assertThatThrownBy(() -> new VisualFindings(List.of(), EMBEDDING)).as("no frame, no findings")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePosterCountsForTheHighestScoreButNotForTheFrames() {
        List<FrameFindings> frames = List.of(new FrameFindings(0, 0.1, 0, 0), new FrameFindings(1, 0.3, 1, 0.2));
        VisualFindings worsePoster = new VisualFindings(frames, Optional.of(new PictureFindings(0.6, 3, 0.5)), EMBEDDING);
        VisualFindings milderPoster = new VisualFindings(frames, Optional.of(new PictureFindings(0.2, 0, 0)), EMBEDDING);

        assertThat(worsePoster.nsfwMax()).as("a poster scoring above every frame").isEqualTo(0.6);
        assertThat(worsePoster.nsfwMaxAt()).as("has no time in the video").isEmpty();
        assertThat(worsePoster.facesFound()).as("faces come from the frames alone").isEqualTo(1);
        assertThat(worsePoster.personCoverage()).as("coverage too").hasSize(2);
        assertThat(milderPoster.nsfwMax()).as("a poster scoring below a frame").isEqualTo(0.3);
        assertThat(milderPoster.nsfwMaxAt()).as("the frame's time").hasValue(1.0);
    }

    @Test
    void anEmbeddingIsAValueAndItsCosineMeasuresDirection() {
        float[] values = {3, 4};
        ImageEmbedding embedding = new ImageEmbedding(values);
        values[0] = 0;

        assertThat(embedding).as("copied in, compared by value").isEqualTo(new ImageEmbedding(new float[] {3, 4}));
        assertThat(embedding.cosine(new ImageEmbedding(new float[] {6, 8}))).as("same direction").isEqualTo(1.0);
        assertThat(embedding.cosine(new ImageEmbedding(new float[] {-4, 3}))).as("at right angles").isZero();
    }

    @Test
    void aModelThatIsNotTheExpectedFileIsRefused() {
        BundledModel tampered = new BundledModel("face detection", FaceDetector.MODEL, "0".repeat(64));

        assertThatThrownBy(tampered::open).as("a model whose checksum differs").isInstanceOf(ModelMissing.class)
                .hasMessageContaining("not the expected one").hasMessageContaining(FaceDetector.MODEL_SHA256);
        assertThatThrownBy(() -> new BundledModel("face detection", "/models/none.onnx", "0".repeat(64)).open())
                .as("a model missing from the build").isInstanceOf(ModelMissing.class).hasMessageContaining("build Pando again");
        assertThat(BundledModel.withDigestFile("NSFW classification", "/models/nsfw-mobilenet-v2.onnx").sha256())
                .as("the checksum modelconv wrote beside its model").matches("[0-9a-f]{64}");
    }
}
