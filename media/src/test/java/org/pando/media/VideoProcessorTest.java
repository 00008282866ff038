package org.pando.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoProcessorTest {
    @TempDir
    Path dir;

    private VideoProcessor processor;

    @BeforeEach
    void start() {
        processor = new VideoProcessor(MediaConfig.defaults());
    }

    @AfterEach
    void stop() {
        processor.close();
        assertThat(processor.runningProcesses()).as("ffmpeg processes left running").isZero();
    }

    @Test
    void writesTheLadderPosterAndStoryboardOfARealClipInOneRun() throws IOException {
        Path out = dir.resolve("out");
        RecordingListener listener = new RecordingListener();

        ProcessedVideo done = processor.process(SharedMedia.clip("derived-cut-with-speech.mp4"), out, dir.resolve("work"), listener);

        assertThat(done.renditions()).as("rungs up to the 432-line source, then the audio").containsExactly("360p", "240p", "audio");
        assertThat(done.probe().audioOnly()).as("a clip with a picture is a video").isFalse();
        List<String> master = Files.readAllLines(out.resolve(LadderCommand.MASTER));
        assertThat(HlsOutput.playlists(master)).as("playlists named by the master playlist")
                .containsExactlyInAnyOrder("360p/index.m3u8", "240p/index.m3u8", "audio/index.m3u8");
        assertThat(String.join("\n", master)).contains("RESOLUTION=640x360", "RESOLUTION=426x240", "TYPE=AUDIO");
        for (String rung : List.of("360p", "240p", "audio")) {
            String playlist = Files.readString(out.resolve(rung).resolve("index.m3u8"));
            assertThat(playlist).as("%s playlist", rung).contains("#EXT-X-PLAYLIST-TYPE:EVENT", "#EXT-X-ENDLIST", "seg_00000.m4s");
        }
        assertThat(out.resolve(LadderCommand.POSTER)).isNotEmptyFile();
        assertThat(out.resolve(LadderCommand.STORYBOARD)).isNotEmptyFile();
        String vtt = Files.readString(out.resolve(LadderCommand.STORYBOARD_VTT));
        assertThat(vtt).startsWith("WEBVTT").contains("storyboard.jpg#xywh=0,0,160,90", "00:00:10.000 --> 00:00:11.080");
        assertThat(listener.probe.get().durationMs()).as("probed duration").isBetween(11_000L, 11_200L);
        assertThat(listener.playable).as("told that the ladder became playable").isTrue();
        assertThat(listener.fractions).as("progress reports").isNotEmpty().isSorted().last().isEqualTo(1.0);
        assertThat(dir.resolve("work").resolve("ffmpeg.log")).as("log kept out of the served directory").exists();
        assertThat(out.resolve("ffmpeg.log")).doesNotExist();
    }

    @Test
    void normalisesTheAudioRenditionToTheTargetAndLeavesSilenceSilent() throws IOException, InterruptedException {
        Path speech = dir.resolve("speech");
        ProcessedVideo spoken = processor.process(SharedMedia.clip("derived-cut-with-speech.mp4"), speech, dir.resolve("w1"),
                new RecordingListener());
        assertThat(spoken.loudness().orElseThrow().integratedLufs()).as("the source speech, as uploaded")
                .isBetween(-17.0, -15.0);
        assertThat(Ebur128.integratedLufs(speech.resolve(LadderCommand.AUDIO).resolve("index.m3u8")))
                .as("the audio rendition measured by ffmpeg's ebur128 against the -14 LUFS target").isBetween(-15.0, -13.0);

        Path silent = dir.resolve("silent");
        ProcessedVideo room = processor.process(SharedMedia.clip("car-detection.mp4"), silent, dir.resolve("w2"), new RecordingListener());
        assertThat(room.loudness().orElseThrow().silent()).as("car-detection.mp4's track is room tone").isTrue();
        assertThat(Ebur128.integratedLufs(silent.resolve(LadderCommand.AUDIO).resolve("index.m3u8")))
                .as("silence is not amplified into noise").isLessThan(-50.0);
    }

    @Test
    void becomesPlayableLongBeforeTheLadderIsDone() {
        Path clip = Clips.pattern(dir, "long.mp4", 1280, 720, 30, 20);
        RecordingListener listener = new RecordingListener();

        processor.process(clip, dir.resolve("out"), dir.resolve("work"), listener);

        assertThat(listener.playableAtProgress.get()).as("fraction written when the master playlist became playable")
                .isLessThan(0.5);
    }

    private record BadInput(String name, String expectedCode, Maker maker) {
    }

    private interface Maker {
        Path make(Path dir) throws IOException;
    }

    @Test
    void refusesEveryBadInputWithAMessageForTheUploader() throws IOException {
        List<BadInput> cases = List.of(
                new BadInput("text file", "media-unreadable", Clips::notAVideo),
                new BadInput("empty file", "media-unreadable", Clips::empty),
                new BadInput("truncated mp4", "media-unreadable", Clips::truncatedMp4),
                new BadInput("truncated fast-start mp4", "media-truncated", Clips::truncatedFastStartMp4),
                new BadInput("20000x20000 header", "media-too-large-frame", Clips::hugeFrameHeader),
                new BadInput("ten hours", "media-too-long", Clips::tenHoursSilent),
                new BadInput("still image", "media-still-image", Clips::stillImage));
        for (BadInput bad : cases) {
            Path input = bad.maker().make(Files.createDirectories(dir.resolve(bad.expectedCode() + "-" + cases.indexOf(bad))));
            assertThatThrownBy(() -> processor.process(input, dir.resolve("out"), dir.resolve("work"), new RecordingListener()))
                    .as(bad.name())
                    .isInstanceOfSatisfying(MediaRejected.class, e -> {
                        assertThat(e.code()).as("%s: code of '%s'", bad.name(), e.getMessage()).isEqualTo(bad.expectedCode());
                        assertThat(e.getMessage()).as(bad.name()).doesNotContainIgnoringCase("ffmpeg").doesNotContain("/");
                    });
        }
    }
}
