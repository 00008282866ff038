package org.pando.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.pando.domain.FileTrees;
import org.pando.media.LadderPlan;
import org.pando.media.LadderPlanner;
import org.pando.media.Loudness;
import org.pando.media.MediaConfig;
import org.pando.media.MediaInspector;
import org.pando.media.MediaRejected;
import org.pando.media.MediaTools;
import org.pando.media.ProbeResult;
import org.pando.media.ProcessingListener;
import org.pando.media.Rung;
import org.pando.media.VideoProcessor;

/**
 * {@code pando bench media}: every video clip of the shared media folder (audio clips are skipped) plus two
 * generated 60 s 1080p30 clips, each processed three ways in one run (Pando, one hand-written ffmpeg, one ffmpeg
 * per rung).
 */
final class MediaBench {
    static final double OVERHEAD_TARGET = 1.05;
    static final double PER_RUNG_SPEEDUP_TARGET = 1.5;
    static final double FIRST_PLAYABLE_TARGET = 0.3;

    private final Path shared;
    private final Path work;
    private final PrintStream out;
    private final MediaConfig config = MediaConfig.defaults();

    MediaBench(Path shared, Path work, PrintStream out) {
        this.shared = shared;
        this.work = work;
        this.out = out;
    }

    int run(Path jsonFile) {
        String ffmpeg = MediaTools.check(config);
        clean(work);
        List<Path> clips = new ArrayList<>(sharedClips());
        clips.addAll(generated1080p());
        List<Map<String, Object>> results = new ArrayList<>();
        try (VideoProcessor processor = new VideoProcessor(config)) {
            for (Path clip : clips) {
                measure(processor, clip).ifPresent(results::add);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "media");
        report.put("ffmpeg", ffmpeg);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("java", System.getProperty("java.version"));
        report.put("targets", Map.of("overhead_vs_single_run_max", OVERHEAD_TARGET,
                "cpu_speedup_vs_per_rung_min", PER_RUNG_SPEEDUP_TARGET, "first_playable_fraction_max", FIRST_PLAYABLE_TARGET));
        report.put("clips", results);
        report.put("summary", summary(results));
        printTable(results);
        Reports.write(jsonFile, report);
        out.println("Wrote " + jsonFile.toAbsolutePath());
        return 0;
    }

    private java.util.Optional<Map<String, Object>> measure(VideoProcessor processor, Path clip) {
        String name = clip.getFileName().toString();
        Path dir = work.resolve(name.replace('.', '-'));
        ProbeResult probe;
        try {
            probe = processor.probe(clip, dir.resolve("probe"));
        } catch (MediaRejected e) {
            out.println("skip " + name + ": " + e.getMessage());
            return java.util.Optional.empty();
        }
        if (probe.video().isEmpty()) {
            out.println("skip " + name + ": an audio clip, which has no video ladder to measure");
            return java.util.Optional.empty();
        }
        LadderPlan plan = new LadderPlanner(config).plan(probe);
        out.println("measuring " + name + " (" + plan.rungs().stream().map(Rung::name).toList() + ") ...");

        long[] firstPlayableNanos = {-1};
        long start = System.nanoTime();
        Timed pando = Timed.measure(() -> processor.process(clip, dir.resolve("pando"), dir.resolve("pando-work"),
                new ProcessingListener() {
                    @Override
                    public void probed(ProbeResult p) {
                    }

                    @Override
                    public void progress(double fraction) {
                    }

                    @Override
                    public void playable() {
                        if (firstPlayableNanos[0] < 0) {
                            firstPlayableNanos[0] = System.nanoTime() - start;
                        }
                    }
                }), true);
        // The anchors normalise loudness too: a first loudnorm pass, then the second inside their ladder runs.
        Timed single = Timed.measure(() -> Ffmpeg.run(AnchorCommands.singleRun(plan, clip, mkdirs(dir.resolve("single")),
                loudnessFilter(plan, clip, dir.resolve("single-work")))), false);
        Timed perRung = Timed.measure(() -> AnchorCommands.perRung(plan, clip, mkdirs(dir.resolve("per-rung")),
                loudnessFilter(plan, clip, dir.resolve("per-rung-work"))).forEach(Ffmpeg::run), false);

        double durationS = probe.durationMs() / 1000.0;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("clip", name);
        row.put("duration_s", durationS);
        row.put("source", probe.video().map(v -> v.displayWidth() + "x" + v.displayHeight()).orElse("?"));
        row.put("rungs", plan.rungs().stream().map(Rung::name).toList());
        row.put("pando", timing(pando));
        row.put("single_ffmpeg", timing(single));
        row.put("ffmpeg_per_rung", timing(perRung));
        row.put("overhead_wall_ratio", Reports.round(pando.wallSeconds() / single.wallSeconds()));
        row.put("overhead_cpu_ratio", Reports.round(pando.cpuSeconds() / single.cpuSeconds()));
        row.put("per_rung_cpu_speedup", Reports.round(perRung.cpuSeconds() / pando.cpuSeconds()));
        row.put("per_rung_wall_speedup", Reports.round(perRung.wallSeconds() / pando.wallSeconds()));
        row.put("first_playable_s", Reports.round(firstPlayableNanos[0] / 1e9));
        row.put("first_playable_fraction", Reports.round(firstPlayableNanos[0] / 1e9 / durationS));
        clean(dir);
        return java.util.Optional.of(row);
    }

    /** The second loudnorm pass for the clip's audio, from a first pass run now; nothing for silence or no audio. */
    private List<String> loudnessFilter(LadderPlan plan, Path clip, Path workDir) {
        if (!plan.audio()) {
            return List.of();
        }
        try (MediaInspector inspector = new MediaInspector(config)) {
            Loudness measured = inspector.loudness(clip, inspector.probe(clip, mkdirs(workDir)), workDir).orElseThrow();
            return measured.silent() ? List.of() : List.of("-af", measured.normalisationFilter(config.loudness()));
        }
    }

    private Map<String, Object> summary(List<Map<String, Object>> rows) {
        double pandoWall = sum(rows, "pando", "wall_s");
        double pandoCpu = sum(rows, "pando", "cpu_s");
        double singleWall = sum(rows, "single_ffmpeg", "wall_s");
        double singleCpu = sum(rows, "single_ffmpeg", "cpu_s");
        double perRungCpu = sum(rows, "ffmpeg_per_rung", "cpu_s");
        double worstFirstPlayable = rows.stream().mapToDouble(r -> (double) r.get("first_playable_fraction")).max().orElse(0);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("overhead_wall_ratio", Reports.round(pandoWall / singleWall));
        s.put("overhead_cpu_ratio", Reports.round(pandoCpu / singleCpu));
        s.put("per_rung_cpu_speedup", Reports.round(perRungCpu / pandoCpu));
        s.put("worst_first_playable_fraction", Reports.round(worstFirstPlayable));
        s.put("meets_overhead_target", pandoCpu / singleCpu <= OVERHEAD_TARGET);
        s.put("meets_per_rung_target", perRungCpu / pandoCpu >= PER_RUNG_SPEEDUP_TARGET);
        s.put("meets_first_playable_target", worstFirstPlayable <= FIRST_PLAYABLE_TARGET);
        return s;
    }

    @SuppressWarnings("unchecked")
    private static double sum(List<Map<String, Object>> rows, String variant, String field) {
        return rows.stream().mapToDouble(r -> (double) ((Map<String, Object>) r.get(variant)).get(field)).sum();
    }

    @SuppressWarnings("unchecked")
    private void printTable(List<Map<String, Object>> rows) {
        out.println();
        out.printf(Locale.ROOT, "%-36s %8s %17s %17s %17s %9s %9s %8s%n", "clip", "length", "pando wall/cpu",
                "single wall/cpu", "per-rung wall/cpu", "overhead", "per-rung", "1st play");
        for (Map<String, Object> r : rows) {
            Map<String, Object> p = (Map<String, Object>) r.get("pando");
            Map<String, Object> s = (Map<String, Object>) r.get("single_ffmpeg");
            Map<String, Object> q = (Map<String, Object>) r.get("ffmpeg_per_rung");
            out.printf(Locale.ROOT, "%-36s %7.1fs %8.2f/%8.2f %8.2f/%8.2f %8.2f/%8.2f %8.2fx %8.2fx %8.2f%n",
                    r.get("clip"), r.get("duration_s"), p.get("wall_s"), p.get("cpu_s"), s.get("wall_s"), s.get("cpu_s"),
                    q.get("wall_s"), q.get("cpu_s"), r.get("overhead_cpu_ratio"), r.get("per_rung_cpu_speedup"),
                    r.get("first_playable_fraction"));
        }
        out.println();
    }

    private List<Path> sharedClips() {
        Path media = shared.resolve("media");
        if (!Files.isDirectory(media)) {
            throw new IllegalArgumentException("No media folder at " + media.toAbsolutePath() + "; pass --shared DIR.");
        }
        try (Stream<Path> files = Files.list(media)) {
            return files.filter(p -> p.toString().matches(".*\\.(mp4|mkv|webm|mov)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two 60 s 1080p30 clips: a synthetic test pattern (cheap to decode), and camera footage from the shared
     * folder upscaled with temporal grain and encoded the way a phone records (H.264 High, 16 Mbit/s), which is
     * what people upload.
     */
    private List<Path> generated1080p() {
        Path pattern = mkdirs(work).resolve("generated-60s-1080p30-pattern.mp4");
        Ffmpeg.run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30:d=60", "-f", "lavfi", "-i", "sine=f=330:d=60",
                "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                pattern.toString()));
        Path camera = work.resolve("generated-60s-1080p30-camera.mp4");
        Ffmpeg.run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-ss", "20", "-t", "60", "-i", shared.resolve("media").resolve("one-by-one-person-detection.mp4").toString(),
                "-f", "lavfi", "-i", "sine=f=220:d=60",
                "-vf", "scale=1920:1080:flags=bicubic,fps=30,noise=alls=12:allf=t", "-c:v", "libx264", "-preset", "faster",
                "-profile:v", "high", "-b:v", "16M", "-maxrate", "20M", "-bufsize", "32M", "-g", "60", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "192k", "-shortest", camera.toString()));
        return List.of(pattern, camera);
    }

    private static Map<String, Object> timing(Timed t) {
        return Map.of("wall_s", Reports.round(t.wallSeconds()), "cpu_s", Reports.round(t.cpuSeconds()));
    }

    static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void clean(Path dir) {
        FileTrees.deleteQuietly(dir);
    }
}
