package org.pando.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AudioPlanTest {
    private static final ProbeResult SPEECH = new ProbeResult("wav", 11_000, Optional.empty(), true);

    private record Case(int audioKbps, List<String> expected) {
    }

    @Test
    void writesTheConfiguredBitrateAndHalfOfItButNothingBelowTheLowest() {
        List<Case> cases = List.of(
                new Case(128, List.of("audio-128k", "audio-64k")),
                new Case(192, List.of("audio-192k", "audio-96k")),
                new Case(48, List.of("audio-48k", "audio-32k")),
                new Case(32, List.of("audio-32k")));
        for (Case c : cases) {
            AudioPlan plan = AudioPlan.of(config(c.audioKbps()), SPEECH);
            assertThat(plan.renditions()).extracting(AudioRendition::name).as("renditions at media.audio-kbps %s", c.audioKbps())
                    .isEqualTo(c.expected());
            assertThat(plan.durationMs()).as("duration to measure progress against").isEqualTo(11_000);
        }
    }

    @Test
    void normalisesOnceAndSplitsTheSoundForEachRendition() {
        AudioLadderCommand command = new AudioLadderCommand(MediaConfig.defaults());
        AudioPlan plan = AudioPlan.of(MediaConfig.defaults(), SPEECH);
        Loudness speech = new Loudness(-15.9, -2.1, 4, -27, 0.9);
        Loudness silence = new Loudness(-70, -60, 0, -80, 0);

        assertThat(command.filterGraph(plan, Optional.of(speech))).as("graph for speech")
                .startsWith("[0:a:0]loudnorm=I=-14.0:TP=-1.0:").contains(":linear=true")
                .endsWith(",aresample=48000,asplit=2[a0][a1]");
        assertThat(command.filterGraph(plan, Optional.of(silence))).as("graph for silence, left as it is")
                .isEqualTo("[0:a:0]aresample=48000,asplit=2[a0][a1]");
        assertThat(String.join(" ", command.waveformArguments(Path.of("audio-128k/index.m3u8"), Path.of("w.png"))))
                .as("waveform command, drawn from a rendition as played").contains("-i audio-128k/index.m3u8",
                        "showwavespic=s=1280x240:colors=0xff4f5e:filter=peak").doesNotContain("volume=");
    }

    @Test
    void refusesAWaveformColourOrSizeItCannotDraw() {
        for (String colour : List.of("red", "#ff4f5", "ff4f5e", "#ff4f5e;")) {
            assertThatThrownBy(() -> new WaveformStyle(1280, 240, colour)).as("colour '%s'", colour)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media.waveform.color");
        }
        assertThatThrownBy(() -> new WaveformStyle(0, 240, "#ff4f5e")).as("no width")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media.waveform.width");
    }

    private static MediaConfig config(int audioKbps) {
        MediaConfig d = MediaConfig.defaults();
        return new MediaConfig(d.ffmpeg(), d.ffprobe(), d.ladder(), d.maxWidth(), d.maxHeight(), d.maxPixels(),
                Duration.ofHours(4), d.preset(), d.segmentDuration(), audioKbps, d.loudness(), d.waveform());
    }
}
