package org.pando.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio-only uploads on real speech: normalised AAC renditions as HLS and a waveform poster, or a clear refusal. */
class AudioClipProcessingTest {
    private static final double TARGET_LUFS = LoudnessTarget.defaults().integratedLufs();
    private static final double TOLERANCE_LU = 1.0;

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
    void aSpokenWavBecomesLoudnessNormalisedAudioRenditionsWithAWaveformPoster() throws Exception {
        Path out = dir.resolve("out");
        RecordingListener listener = new RecordingListener();

        ProcessedVideo done = processor.process(SharedMedia.clip("jfk.wav"), out, dir.resolve("work"), listener);

        assertThat(done.probe().audioOnly()).as("jfk.wav has sound and no picture").isTrue();
        assertThat(done.renditions()).as("AAC at media.audio-kbps and at half of it").containsExactly("audio-128k", "audio-64k");
        List<String> master = Files.readAllLines(out.resolve(LadderCommand.MASTER));
        assertThat(HlsOutput.playlists(master)).as("playlists named by the master playlist")
                .containsExactly("audio-128k/index.m3u8", "audio-64k/index.m3u8");
        assertThat(String.join("\n", master)).as("master playlist").contains("CODECS=\"mp4a.40.2\"").doesNotContain("RESOLUTION");
        assertThat(done.loudness().orElseThrow().integratedLufs()).as("jfk.wav as uploaded, by loudnorm's first pass")
                .isBetween(-17.0, -15.0);
        for (String rendition : done.renditions()) {
            Path playlist = out.resolve(rendition).resolve("index.m3u8");
            assertThat(Files.readString(playlist)).as("%s playlist", rendition)
                    .contains("#EXT-X-PLAYLIST-TYPE:EVENT", "#EXT-X-ENDLIST", "seg_00000.m4s");
            assertThat(Ebur128.integratedLufs(playlist)).as("%s measured by ebur128 against the %s LUFS target", rendition, TARGET_LUFS)
                    .isBetween(TARGET_LUFS - TOLERANCE_LU, TARGET_LUFS + TOLERANCE_LU);
        }
        assertWaveform(out.resolve(AudioLadderCommand.WAVEFORM));
        assertThat(out.resolve(LadderCommand.POSTER)).as("no picture to take a poster from").doesNotExist();
        assertThat(out.resolve(LadderCommand.STORYBOARD)).as("no pictures for a storyboard").doesNotExist();
        assertThat(listener.probe.get().durationMs()).as("probed duration").isEqualTo(11_000L);
        assertThat(listener.playable).as("told that the clip became playable").isTrue();
        assertThat(listener.fractions).as("progress reports").isNotEmpty().isSorted().last().isEqualTo(1.0);
        assertThat(dir.resolve("work").resolve("ffmpeg.log")).as("log kept out of the served directory").exists();
    }

    private record AudioFile(String name, Maker maker) {
    }

    private interface Maker {
        Path make(Path source, Path dir) throws IOException;
    }

    @Test
    void everyCommonAudioFormatBecomesAnAudioClipAtTheTargetLoudness() throws Exception {
        Path speech = SharedMedia.clip("derived-cut-with-speech.mp4");
        List<AudioFile> files = List.of(
                new AudioFile("speech.mp3", (s, d) -> Clips.audioOf(s, d, "speech.mp3", "-c:a", "libmp3lame", "-b:a", "96k")),
                new AudioFile("speech.m4a", (s, d) -> Clips.audioOf(s, d, "speech.m4a", "-c:a", "copy")),
                new AudioFile("speech.opus", (s, d) -> Clips.audioOf(s, d, "speech.opus", "-c:a", "libopus", "-b:a", "48k")),
                new AudioFile("speech.ogg", (s, d) -> Clips.audioOf(s, d, "speech.ogg", "-c:a", "libvorbis")),
                new AudioFile("speech.flac", (s, d) -> Clips.audioOf(s, d, "speech.flac", "-c:a", "flac")),
                new AudioFile("with-cover.mp3", Clips::mp3WithCover));
        for (AudioFile file : files) {
            Path folder = Files.createDirectories(dir.resolve(file.name()));
            Path source = file.maker().make(speech, folder);
            Path out = folder.resolve("out");

            ProcessedVideo done = processor.process(source, out, folder.resolve("work"), new RecordingListener());

            assertThat(done.probe().audioOnly()).as("%s is an audio clip", file.name()).isTrue();
            assertThat(Ebur128.integratedLufs(out.resolve(done.renditions().getFirst()).resolve("index.m3u8")))
                    .as("%s's first rendition measured by ebur128", file.name())
                    .isBetween(TARGET_LUFS - TOLERANCE_LU, TARGET_LUFS + TOLERANCE_LU);
            assertThat(out.resolve(AudioLadderCommand.WAVEFORM)).as("%s's waveform", file.name()).isNotEmptyFile();
        }
    }

    private record BadInput(String name, String expectedCode, Make maker) {
    }

    private interface Make {
        Path make(Path dir) throws IOException;
    }

    @Test
    void refusesFilesWithNothingToPlayAndDamagedAudioWithAMessageForTheUploader() throws IOException {
        List<BadInput> cases = List.of(
                new BadInput("subtitles without sound or picture", "media-no-audio-or-video", Clips::subtitlesOnly),
                new BadInput("truncated fast-start m4a", "media-truncated", Clips::truncatedFastStartM4a),
                new BadInput("noise named .mp3", "media-unreadable", Clips::noiseNamedMp3));
        for (BadInput bad : cases) {
            Path input = bad.maker().make(Files.createDirectories(dir.resolve("bad-" + cases.indexOf(bad))));
            assertThatThrownBy(() -> processor.process(input, dir.resolve("out"), dir.resolve("work"), new RecordingListener()))
                    .as(bad.name())
                    .isInstanceOfSatisfying(MediaRejected.class, e -> {
                        assertThat(e.code()).as("%s: code of '%s'", bad.name(), e.getMessage()).isEqualTo(bad.expectedCode());
                        assertThat(e.getMessage()).as(bad.name()).doesNotContainIgnoringCase("ffmpeg").doesNotContain("/");
                    });
        }
    }

    private static void assertWaveform(Path file) throws IOException {
        BufferedImage picture = ImageIO.read(file.toFile());
        assertThat(picture).as("%s is a picture ImageIO reads", file.getFileName()).isNotNull();
        WaveformStyle style = WaveformStyle.defaults();
        assertThat(picture.getWidth()).as("waveform width").isEqualTo(style.width());
        assertThat(picture.getHeight()).as("waveform height").isEqualTo(style.height());
        int accent = Integer.parseInt(style.color().substring(1), 16);
        long drawn = 0;
        long accentColoured = 0;
        for (int x = 0; x < picture.getWidth(); x++) {
            for (int y = 0; y < picture.getHeight(); y++) {
                int argb = picture.getRGB(x, y);
                if ((argb >>> 24) > 0) {
                    drawn++;
                    if ((argb & 0xffffff) == accent) {
                        accentColoured++;
                    }
                }
            }
        }
        long pixels = (long) picture.getWidth() * picture.getHeight();
        assertThat(drawn).as("pixels the waveform covers, of %s (the rest stays transparent)", pixels)
                .isBetween(pixels / 20, pixels * 3 / 4);
        assertThat(accentColoured).as("drawn pixels in the theme colour %s", style.color()).isGreaterThan(drawn / 2);
    }
}
