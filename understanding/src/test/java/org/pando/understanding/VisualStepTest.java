package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.media.MediaConfig;
import org.pando.media.SharedMedia;

/**
 * The visual step of the analysis on the shared real media: people, faces, the NSFW score and the embedding, in the
 * frames and the poster.
 */
class VisualStepTest {
    private static FileAnalyzer analyzer;

    @TempDir
    Path work;

    @BeforeAll
    static void loadModels() {
        analyzer = new FileAnalyzer(MediaConfig.defaults(), TestModels.config());
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    /**
     * one-by-one-person-detection.mp4, looked at frame by frame: a fixed camera shows an empty room with a small
     * table until 5.5 s; at 6 s a woman walks in from the lower left, and from 7 s to 18 s she stands at the
     * table, seen from behind, taking about a tenth of the picture.
     */
    @Test
    void peopleCoverThePictureOnlyOnceTheyWalkIn() {
        VisualFindings seen = look("one-by-one-person-detection.mp4");
        List<PersonCoverage> coverage = seen.personCoverage();

        assertThat(coverage).as("one frame a second of the 139 s clip").hasSizeBetween(139, 140);
        assertThat(coverage).extracting(PersonCoverage::t).as("frame times").startsWith(0.0, 1.0, 2.0).isSorted();
        assertThat(coverage).filteredOn(c -> c.t() <= 5).as("the empty room of the opening seconds").hasSize(6)
                .allSatisfy(c -> assertThat(c.coverage()).as("coverage at %.0f s", c.t()).isLessThan(0.01));
        assertThat(coverage).filteredOn(c -> c.t() >= 7 && c.t() <= 17).as("the woman standing at the table").hasSize(11)
                .allSatisfy(c -> assertThat(c.coverage()).as("coverage at %.0f s", c.t()).isBetween(0.05, 0.3));
    }

    @Test
    void facesAreFoundInThePortraitAndTheSigningClipButNotInTheParkingLot() {
        VisualFindings portrait = look("obama.jpg");
        assertThat(portrait.frames()).as("a still image is one frame").singleElement()
                .satisfies(f -> assertThat(f.faces()).as("faces in the portrait").isEqualTo(1));
        assertThat(portrait.facesFound()).isEqualTo(1);

        VisualFindings signing = look("asl-again.mkv");
        assertThat(signing.facesFound()).as("one person faces the webcam: %s", signing.frames()).isEqualTo(1);
        assertThat(signing.frames()).as("the face is seen in every frame, the skull printed on the shirt in none")
                .allSatisfy(f -> assertThat(f.faces()).isEqualTo(1));

        VisualFindings parking = look("car-detection.mp4");
        assertThat(parking.frames()).as("frames of the parking lot seen from above").hasSizeGreaterThanOrEqualTo(30)
                .allSatisfy(f -> assertThat(f.faces()).as("faces at %.0f s", f.t()).isZero());
        assertThat(parking.facesFound()).isZero();
    }

    @Test
    void harmlessPicturesScoreLowForInappropriateContent() {
        for (String clip : List.of("car-detection.mp4", "obama.jpg")) {
            VisualFindings seen = look(clip);
            assertThat(seen.nsfwMax()).as("highest NSFW score of %s (at %s s)", clip, seen.nsfwMaxAt()).isBetween(0.0, 0.2);
            assertThat(seen.frames()).as("the frame with the highest score is one of %s's", clip)
                    .anySatisfy(f -> assertThat(f.t()).isEqualTo(seen.nsfwMaxAt().orElseThrow()));
        }
    }

    /**
     * The content index calls two videos near-duplicates from an image cosine of 0.95 (a recompressed copy of one
     * picture is above it, see the test above); different clips must stay below it, even two of the same person
     * at the same webcam. Measured: 0.71 for the two webcam clips, 0.83 for the parking lot and the clip cut from
     * it, 0.45 to 0.62 for the others.
     */
    @Test
    void differentClipsAreNotNearDuplicates() {
        List<String> clips = List.of("asl-again.mkv", "asl-book.mkv", "car-detection.mp4", "derived-cut-with-speech.mp4");
        List<ImageEmbedding> embeddings = clips.stream().map(clip -> look(clip).embedding()).toList();
        for (int i = 0; i < clips.size(); i++) {
            for (int j = i + 1; j < clips.size(); j++) {
                double cosine = embeddings.get(i).cosine(embeddings.get(j));
                assertThat(cosine).as("image cosine of %s and %s", clips.get(i), clips.get(j)).isLessThan(0.95);
            }
        }
    }

    @Test
    void thePosterIsLookedAtOnItsOwnBesidesTheFrames() {
        FileAnalysis found = analyzer.analyze(SharedMedia.clip("car-detection.mp4"), VideoText.NONE,
                Optional.of(SharedMedia.clip("obama.jpg")), work, Step.Listener.NONE);
        VisualFindings seen = found.visual().orElseThrow();

        assertThat(seen.facesFound()).as("faces in the parking lot's frames").isZero();
        assertThat(seen.poster()).as("the portrait given as the parking lot's poster").hasValueSatisfying(poster -> {
            assertThat(poster.faces()).as("faces on the poster").isEqualTo(1);
            assertThat(poster.nsfw()).as("its NSFW score").isBetween(0.0, 0.2);
        });
        assertThat(look("car-detection.mp4").poster()).as("without a poster given").isEmpty();
    }

    @Test
    void aPosterThatIsNoPictureFailsTheStepThatLooksAtThePictures() {
        FileAnalysis found = analyzer.analyze(SharedMedia.clip("asl-again.mkv"), VideoText.NONE,
                Optional.of(SharedMedia.clip("jfk.wav")), work, Step.Listener.NONE);

        assertThat(found.visual()).as("no findings when the poster could not be read").isEmpty();
        assertThat(found.failures()).as("failed steps").containsOnlyKeys(Step.FRAMES)
                .hasEntrySatisfying(Step.FRAMES, error -> assertThat(error).contains("jfk.wav"));
    }

    @Test
    void aSmallerRecompressedCopyHasNearlyTheSameEmbeddingAndAnotherPictureDoesNot() throws IOException, InterruptedException {
        Path copy = work.resolve("obama-copy.jpg");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-i",
                SharedMedia.clip("obama.jpg").toString(), "-vf", "scale=455:-2", "-q:v", "12", copy.toString())
                .redirectErrorStream(true).start();
        assertThat(ffmpeg.waitFor()).as("ffmpeg made the copy: %s", new String(ffmpeg.getInputStream().readAllBytes())).isZero();

        ImageEmbedding original = look("obama.jpg").embedding();
        ImageEmbedding smaller = analyzer.analyze(copy, VideoText.NONE, work, Step.Listener.NONE).visual().orElseThrow().embedding();
        ImageEmbedding other = look("biden.jpg").embedding();

        assertThat(original.values()).as("features of the embedding").hasSize(1792);
        double same = original.cosine(smaller);
        double different = original.cosine(other);
        assertThat(same).as("cosine of the portrait and its half-size, recompressed copy").isGreaterThan(0.95);
        assertThat(different).as("cosine of two different portraits, against %.3f for the copy", same).isLessThan(same - 0.05);
    }

    private VisualFindings look(String clip) {
        FileAnalysis found = analyzer.analyze(SharedMedia.clip(clip), VideoText.NONE, work, Step.Listener.NONE);
        assertThat(found.failures()).as("failed steps of %s", clip).doesNotContainKey(Step.FRAMES);
        return found.visual().orElseThrow();
    }
}
