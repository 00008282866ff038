package org.pando.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The ffmpeg invocations for an audio clip: one that decodes the source once, brings it to the target loudness
 * (the second pass of {@code loudnorm}) and writes every AAC rendition as fMP4 HLS under a master playlist, and a
 * short one that draws the waveform picture.
 *
 * <p>The waveform is a run of its own: ffmpeg's {@code showwavespic} gives its one picture only at the end of the
 * stream, and an output that waits for the end holds back ffmpeg's progress reports for the whole run.
 */
public final class AudioLadderCommand {
    /** The waveform picture's file name; it is the audio clip's poster. */
    public static final String WAVEFORM = "waveform.png";
    /** loudnorm works at 192 kHz; AAC is written at the rate video renditions use. */
    private static final int SAMPLE_RATE = 48_000;

    private final MediaConfig config;

    public AudioLadderCommand(MediaConfig config) {
        this.config = config;
    }

    /**
     * The renditions' argument list, ffmpeg first; with the first-pass {@code loudness} of a track that is not
     * silent, the audio is normalised to the configured target.
     */
    public List<String> arguments(AudioPlan plan, Path source, Path out, Optional<Loudness> loudness) {
        List<String> args = new ArrayList<>(List.of(config.ffmpeg(), "-hide_banner", "-nostdin", "-y",
                "-loglevel", "error", "-progress", "pipe:1", "-stats_period", "0.5", "-nostats",
                "-i", source.toString(), "-filter_complex", filterGraph(plan, loudness)));
        List<AudioRendition> renditions = plan.renditions();
        for (int i = 0; i < renditions.size(); i++) {
            args.addAll(List.of("-map", "[a" + i + "]"));
        }
        args.addAll(List.of("-c:a", "aac", "-ac", "2"));
        for (int i = 0; i < renditions.size(); i++) {
            args.addAll(List.of("-b:a:" + i, renditions.get(i).kbps() + "k"));
        }
        args.addAll(HlsOutput.muxerArguments(config, streamMap(plan), out));
        return args;
    }

    /**
     * The waveform's argument list, drawn from a finished rendition (so the picture shows what is played, after
     * normalisation): mixed to mono, each column drawn at its peak, on a transparent background.
     */
    public List<String> waveformArguments(Path rendition, Path target) {
        WaveformStyle style = config.waveform();
        String graph = String.format(Locale.ROOT, "[0:a:0]aformat=channel_layouts=mono,showwavespic=s=%dx%d:colors=%s:filter=peak[wave]",
                style.width(), style.height(), style.ffmpegColor());
        return List.of(config.ffmpeg(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-i", rendition.toString(),
                "-filter_complex", graph, "-map", "[wave]", "-frames:v", "1", target.toString());
    }

    /** The first audio track, normalised once, resampled for AAC and split into one branch per rendition. */
    String filterGraph(AudioPlan plan, Optional<Loudness> loudness) {
        StringBuilder graph = new StringBuilder("[0:a:0]");
        loudness.filter(l -> !l.silent())
                .ifPresent(l -> graph.append(l.normalisationFilter(config.loudness())).append(','));
        int count = plan.renditions().size();
        graph.append("aresample=").append(SAMPLE_RATE).append(",asplit=").append(count);
        for (int i = 0; i < count; i++) {
            graph.append("[a").append(i).append(']');
        }
        return graph.toString();
    }

    private static String streamMap(AudioPlan plan) {
        StringJoiner map = new StringJoiner(" ");
        for (int i = 0; i < plan.renditions().size(); i++) {
            map.add("a:" + i + ",name:" + plan.renditions().get(i).name());
        }
        return map.toString();
    }
}
