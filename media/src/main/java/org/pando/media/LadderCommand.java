package org.pando.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The single ffmpeg invocation for a plan: decode once, split the picture, and write every rung as fMP4 HLS
 * with a master playlist, the audio-only rendition (loudness-normalised), the poster and the storyboard sprite.
 *
 * <p>The playlists are EVENT playlists written through temporary files, so a player can start while the
 * ladder is still being written and never sees a half-written segment. Keyframes are forced at segment
 * boundaries so every rung switches cleanly.
 */
public final class LadderCommand {
    /** The master playlist's file name. */
    public static final String MASTER = "master.m3u8";
    /** The poster's file name. */
    public static final String POSTER = "poster.jpg";
    /** The storyboard sprite's file name. */
    public static final String STORYBOARD = "storyboard.jpg";
    /** The storyboard cue file's name. */
    public static final String STORYBOARD_VTT = "storyboard.vtt";
    /** The audio-only rendition's directory. */
    public static final String AUDIO = "audio";

    private final MediaConfig config;

    public LadderCommand(MediaConfig config) {
        this.config = config;
    }

    /**
     * The argument list, ffmpeg first; with the audio's first-pass {@code loudness}, the audio rendition is
     * normalised to the configured target (a silent track is left as it is).
     */
    public List<String> arguments(LadderPlan plan, Path source, Path out, Path work, Optional<Loudness> loudness) {
        List<String> args = new ArrayList<>(List.of(config.ffmpeg(), "-hide_banner", "-nostdin", "-y",
                "-loglevel", "error", "-progress", "pipe:1", "-stats_period", "0.5", "-nostats",
                "-i", source.toString(), "-filter_complex", filterGraph(plan)));
        List<Rung> rungs = plan.rungs();
        for (int i = 0; i < rungs.size(); i++) {
            args.addAll(List.of("-map", "[v" + i + "]"));
        }
        if (plan.audio()) {
            args.addAll(List.of("-map", "0:a:0"));
        }
        String segmentSeconds = seconds(config.segmentDuration().toMillis());
        args.addAll(List.of("-c:v", "libx264", "-preset", config.preset(), "-profile:v", "high",
                "-force_key_frames", "expr:gte(t,n_forced*" + segmentSeconds + ")"));
        for (int i = 0; i < rungs.size(); i++) {
            int kbps = rungs.get(i).videoKbps();
            args.addAll(List.of("-b:v:" + i, kbps + "k", "-maxrate:v:" + i, kbps * 3 / 2 + "k",
                    "-bufsize:v:" + i, kbps * 2 + "k"));
        }
        if (plan.audio()) {
            args.addAll(List.of("-c:a", "aac", "-b:a", config.audioKbps() + "k", "-ac", "2", "-ar", "48000"));
            loudness.filter(l -> !l.silent())
                    .ifPresent(l -> args.addAll(List.of("-af", l.normalisationFilter(config.loudness()))));
        }
        args.addAll(HlsOutput.muxerArguments(config, streamMap(plan), out));
        // Stills go to the work directory as numbered files: a muxer that waited for a whole sprite or a chosen
        // poster would hold back ffmpeg's first progress report until the end.
        args.addAll(List.of("-map", "[poster]", "-fps_mode", "passthrough", "-q:v", "3",
                work.resolve(Stills.POSTER_CANDIDATES).toString()));
        args.addAll(List.of("-map", "[storyboard]", "-fps_mode", "passthrough", "-q:v", "5",
                work.resolve(Stills.THUMBNAILS).toString()));
        return args;
    }

    /**
     * The picture is split three ways: the ladder, the poster candidates and the storyboard. The ladder is a
     * cascade, each rung scaled from the one above it rather than from the source, so the smaller rungs cost
     * a fraction of a full-size scale.
     */
    static String filterGraph(LadderPlan plan) {
        List<Rung> rungs = plan.rungs();
        StringBuilder graph = new StringBuilder("[0:v]split=3[c0][sp][ss]");
        for (int i = 0; i < rungs.size(); i++) {
            Rung rung = rungs.get(i);
            graph.append(";[c").append(i).append("]scale=").append(rung.width()).append(':').append(rung.height())
                    .append(":flags=bicubic,setsar=1,format=yuv420p");
            if (i + 1 < rungs.size()) {
                graph.append(",split=2[v").append(i).append("][c").append(i + 1).append(']');
            } else {
                graph.append("[v").append(i).append(']');
            }
        }
        graph.append(";[sp]fps=1/").append(seconds(plan.posterIntervalMs())).append(",scale=")
                .append(plan.posterWidth()).append(':').append(plan.posterHeight()).append(",setsar=1[poster]");
        StoryboardPlan sb = plan.storyboard();
        graph.append(";[ss]fps=1/").append(sb.intervalSeconds()).append(",scale=").append(sb.tileWidth()).append(':')
                .append(sb.tileHeight()).append(",setsar=1[storyboard]");
        return graph.toString();
    }

    private static String streamMap(LadderPlan plan) {
        StringJoiner map = new StringJoiner(" ");
        String group = plan.audio() ? ",agroup:aud" : "";
        for (int i = 0; i < plan.rungs().size(); i++) {
            map.add("v:" + i + group + ",name:" + plan.rungs().get(i).name());
        }
        if (plan.audio()) {
            map.add("a:0" + group + ",name:" + AUDIO);
        }
        return map.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
