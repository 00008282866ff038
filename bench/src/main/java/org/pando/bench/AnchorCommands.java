package org.pando.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pando.media.LadderPlan;
import org.pando.media.Rung;
import org.pando.media.StoryboardPlan;

/**
 * The anchors' ffmpeg command lines for a plan: the same rungs, bitrates, segment length, poster and
 * storyboard as Pando writes, produced the way a person (a) or PeerTube (b) would.
 */
final class AnchorCommands {
    private static final String SEGMENT = "2";

    private AnchorCommands() {
    }

    /**
     * (a) One hand-written ffmpeg run: split filter, var_stream_map HLS, thumbnail and tile stills, the audio
     * through {@code audioFilter} (the second loudnorm pass, or empty).
     */
    static List<String> singleRun(LadderPlan plan, Path source, Path out, List<String> audioFilter) {
        List<Rung> rungs = plan.rungs();
        StringBuilder graph = new StringBuilder("[0:v]split=" + (rungs.size() + 2));
        for (int i = 0; i < rungs.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        graph.append("[sp][ss]");
        for (int i = 0; i < rungs.size(); i++) {
            graph.append(";[s").append(i).append("]scale=").append(rungs.get(i).width()).append(':')
                    .append(rungs.get(i).height()).append(",format=yuv420p[v").append(i).append(']');
        }
        StoryboardPlan sb = plan.storyboard();
        graph.append(";[sp]thumbnail,scale=").append(plan.posterWidth()).append(':').append(plan.posterHeight()).append("[poster]");
        graph.append(";[ss]fps=1/").append(sb.intervalSeconds()).append(",scale=").append(sb.tileWidth()).append(':')
                .append(sb.tileHeight()).append(",tile=").append(sb.columns()).append('x').append(sb.rows()).append("[sb]");
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-i", source.toString(), "-filter_complex", graph.toString()));
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < rungs.size(); i++) {
            cmd.addAll(List.of("-map", "[v" + i + "]"));
            map.append(map.isEmpty() ? "" : " ").append("v:").append(i).append(plan.audio() ? ",agroup:a" : "");
        }
        if (plan.audio()) {
            cmd.addAll(List.of("-map", "0:a:0"));
            map.append(" a:0,agroup:a");
        }
        cmd.addAll(x264(plan));
        for (int i = 0; i < rungs.size(); i++) {
            cmd.addAll(bitrate(":v:" + i, rungs.get(i)));
        }
        cmd.addAll(aac(plan));
        cmd.addAll(audioFilter);
        cmd.addAll(List.of("-f", "hls", "-hls_time", SEGMENT, "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                "-master_pl_name", "master.m3u8", "-var_stream_map", map.toString(),
                "-hls_segment_filename", out.resolve("%v/seg_%05d.m4s").toString(), out.resolve("%v/index.m3u8").toString(),
                "-map", "[poster]", "-frames:v", "1", "-update", "1", out.resolve("poster.jpg").toString(),
                "-map", "[sb]", "-frames:v", "1", "-update", "1", out.resolve("storyboard.jpg").toString()));
        return cmd;
    }

    /**
     * (b) PeerTube's way: one ffmpeg per rung (each decoding the source and normalising its own audio through
     * {@code audioFilter}), then one each for the stills.
     */
    static List<List<String>> perRung(LadderPlan plan, Path source, Path out, List<String> audioFilter) {
        List<List<String>> commands = new ArrayList<>();
        for (Rung rung : plan.rungs()) {
            Path dir = MediaBench.mkdirs(out.resolve(rung.name()));
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                    "-i", source.toString(), "-vf", "scale=" + rung.width() + ":" + rung.height() + ",format=yuv420p"));
            cmd.addAll(x264(plan));
            cmd.addAll(bitrate(":v", rung));
            cmd.addAll(aac(plan));
            cmd.addAll(plan.audio() ? audioFilter : List.of());
            if (!plan.audio()) {
                cmd.add("-an");
            }
            cmd.addAll(List.of("-f", "hls", "-hls_time", SEGMENT, "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                    "-hls_segment_filename", dir.resolve("seg_%05d.m4s").toString(), dir.resolve("index.m3u8").toString()));
            commands.add(cmd);
        }
        commands.add(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", source.toString(),
                "-vf", "thumbnail,scale=" + plan.posterWidth() + ":" + plan.posterHeight(), "-frames:v", "1", "-update", "1",
                out.resolve("poster.jpg").toString()));
        StoryboardPlan sb = plan.storyboard();
        commands.add(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", source.toString(),
                "-vf", "fps=1/" + sb.intervalSeconds() + ",scale=" + sb.tileWidth() + ":" + sb.tileHeight() + ",tile="
                        + sb.columns() + "x" + sb.rows(),
                "-frames:v", "1", "-update", "1", out.resolve("storyboard.jpg").toString()));
        return commands;
    }

    private static List<String> x264(LadderPlan plan) {
        return List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
                "-force_key_frames", "expr:gte(t,n_forced*" + SEGMENT + ")");
    }

    private static List<String> bitrate(String specifier, Rung rung) {
        int kbps = rung.videoKbps();
        return List.of("-b" + specifier, kbps + "k", "-maxrate" + specifier, kbps * 3 / 2 + "k", "-bufsize" + specifier, kbps * 2 + "k");
    }

    private static List<String> aac(LadderPlan plan) {
        return plan.audio() ? List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000") : List.of();
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
