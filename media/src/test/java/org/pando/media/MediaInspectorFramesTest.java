package org.pando.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picture sampled once a second as raw RGB, from real clips and a still image. */
class MediaInspectorFramesTest {
    @TempDir
    Path work;

    private MediaInspector inspector;

    @BeforeEach
    void start() {
        inspector = new MediaInspector(MediaConfig.defaults());
    }

    @AfterEach
    void stop() {
        inspector.close();
        assertThat(inspector.runningProcesses()).as("ffmpeg processes left running").isZero();
    }

    @Test
    void aClipGivesOneFrameASecondInTimeOrderAtTheAskedSize() {
        List<RgbFrame> frames = new ArrayList<>();

        int given = inspector.sampledFrames(SharedMedia.clip("car-detection.mp4"), 64, 48, frames::add, work);

        assertThat(given).as("frames of the 30 s clip, one a second").isEqualTo(frames.size()).isBetween(30, 31);
        assertThat(frames).extracting(RgbFrame::timeS).as("each frame's time").startsWith(0.0, 1.0, 2.0).isSorted();
        assertThat(frames).as("every frame at the asked size")
                .allSatisfy(f -> assertThat(f.rgb()).hasSize(64 * 48 * 3));
        assertThat(meanValue(frames.get(10))).as("a frame of the sunny parking lot is neither black nor white")
                .isBetween(40.0, 215.0);
    }

    @Test
    void aStillImageGivesItsOnlyPicture() {
        List<RgbFrame> frames = new ArrayList<>();

        int given = inspector.sampledFrames(SharedMedia.clip("obama.jpg"), 32, 32, frames::add, work);

        assertThat(given).as("the sampling catches nothing in a still image, so its first frame stands in").isEqualTo(1);
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.timeS()).isZero();
            assertThat(meanValue(f)).as("the portrait is a real picture").isBetween(30.0, 225.0);
        });
        Optional<RgbFrame> first = inspector.frameAt(SharedMedia.clip("asl-again.mkv"), 0, 16, 12, work);
        assertThat(first).as("the first frame of a clip").hasValueSatisfying(f -> assertThat(f.width()).isEqualTo(16));
    }

    @Test
    void aReceiverThatFailsStopsFfmpeg() {
        List<RgbFrame> frames = new ArrayList<>();

        assertThatThrownBy(() -> inspector.sampledFrames(SharedMedia.clip("one-by-one-person-detection.mp4"), 64, 64, f -> {
            frames.add(f);
            if (frames.size() == 3) {
                throw new IllegalStateException("enough");
            }
        }, work)).as("the receiver's failure is passed on").hasMessage("enough");
        assertThat(inspector.runningProcesses()).as("ffmpeg stopped when the receiver failed").isZero();
    }

    @Test
    void aFileWithoutPictureFailsWithFfmpegsReason() throws IOException {
        Path text = Files.writeString(work.resolve("notes.mp4"), "not a video");

        assertThatThrownBy(() -> inspector.sampledFrames(text, 64, 64, f -> { }, work))
                .as("ffmpeg's own words are in the error").isInstanceOf(MediaToolFailed.class)
                .hasMessageContaining("Invalid data");
    }

    private static double meanValue(RgbFrame frame) {
        long sum = 0;
        for (byte b : frame.rgb()) {
            sum += b & 0xFF;
        }
        return (double) sum / frame.rgb().length;
    }
}
