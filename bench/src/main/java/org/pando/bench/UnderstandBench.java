package org.pando.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pando.media.MediaConfig;
import org.pando.understanding.FileAnalysis;
import org.pando.understanding.FileAnalyzer;
import org.pando.understanding.Step;
import org.pando.understanding.UnderstandingConfig;
import org.pando.understanding.VideoText;

/**
 * {@code pando bench understand}: the whole analysis of a 60 s 720p clip with speech (the shared indoor
 * camera footage scaled to 720p under the shared lecture's first minute) and of the shared cut clip, step by
 * step, as a fraction of the media's duration. In the same run, the anchor: ffmpeg decoding the same file
 * to nothing, the least any analysis of it costs.
 */
final class UnderstandBench {
    static final double REAL_TIME_TARGET = 0.5;

    private final Path shared;
    private final Path work;
    private final UnderstandingConfig config;
    private final PrintStream out;

    UnderstandBench(Path shared, Path work, UnderstandingConfig config, PrintStream out) {
        this.shared = shared;
        this.work = work;
        this.config = config;
        this.out = out;
    }

    int run(Path jsonFile) {
        MediaBench.clean(work);
        List<Path> clips = List.of(lectureAt720p(), shared.resolve("media").resolve("derived-cut-with-speech.mp4"));
        List<Map<String, Object>> rows = new ArrayList<>();
        try (FileAnalyzer analyzer = new FileAnalyzer(MediaConfig.defaults(), config)) {
            analyzer.analyze(clips.getLast(), VideoText.NONE, MediaBench.mkdirs(work.resolve("warm-up")), Step.Listener.NONE);
            for (Path clip : clips) {
                rows.add(measure(analyzer, clip));
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "understand");
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("target_real_time_factor_max", REAL_TIME_TARGET);
        report.put("clips", rows);
        Reports.write(jsonFile, report);
        out.println("Wrote " + jsonFile.toAbsolutePath());
        MediaBench.clean(work);
        double worst = rows.stream().mapToDouble(r -> (double) r.get("real_time_factor")).max().orElse(0);
        return worst <= REAL_TIME_TARGET ? 0 : 1;
    }

    private Map<String, Object> measure(FileAnalyzer analyzer, Path clip) {
        String name = clip.getFileName().toString();
        out.println("analysing " + name + " ...");
        StepClock clock = new StepClock();
        FileAnalysis[] found = new FileAnalysis[1];
        Timed analysis = Timed.measure(() -> found[0] = analyzer.analyze(clip, VideoText.NONE, MediaBench.mkdirs(work.resolve("analysis-" + name)), clock), true);
        Timed decode = Timed.measure(() -> Ffmpeg.run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                "-i", clip.toString(), "-f", "null", "-")), false);
        double duration = found[0].durationS();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("clip", name);
        row.put("duration_s", Reports.round(duration));
        Map<String, Object> steps = new LinkedHashMap<>();
        clock.seconds().forEach((step, seconds) -> steps.put(step.name().toLowerCase(Locale.ROOT),
                Map.of("wall_s", Reports.round(seconds), "real_time_factor", Reports.round(seconds / duration))));
        row.put("steps", steps);
        row.put("wall_s", Reports.round(analysis.wallSeconds()));
        row.put("cpu_s", Reports.round(analysis.cpuSeconds()));
        row.put("real_time_factor", Reports.round(analysis.wallSeconds() / duration));
        row.put("anchor_ffmpeg_decode_wall_s", Reports.round(decode.wallSeconds()));
        row.put("analysis_vs_decode_wall_ratio", Reports.round(analysis.wallSeconds() / decode.wallSeconds()));
        row.put("words", found[0].transcript().words().size());
        row.put("pages", found[0].pages().size());
        row.put("failures", found[0].failures().size());
        print(row, clock);
        return row;
    }

    private void print(Map<String, Object> row, StepClock clock) {
        out.printf(Locale.ROOT, "%n| step | wall s | × duration |%n| --- | ---: | ---: |%n");
        double duration = (double) row.get("duration_s");
        clock.seconds().forEach((step, s) -> out.printf(Locale.ROOT, "| %s | %.2f | %.3f |%n", step.label(), s, s / duration));
        out.printf(Locale.ROOT, "| **all** (%s s of media) | %.2f | **%.3f** (target ≤ %.1f) |%n", row.get("duration_s"),
                (double) row.get("wall_s"), (double) row.get("real_time_factor"), REAL_TIME_TARGET);
        out.printf(Locale.ROOT, "anchor: ffmpeg decoding it to nothing took %s s; the analysis took %sx that%n%n",
                row.get("anchor_ffmpeg_decode_wall_s"), row.get("analysis_vs_decode_wall_ratio"));
    }

    /** 60 s of the shared indoor footage at 1280x720 under the first minute of the shared lecture. */
    private Path lectureAt720p() {
        Path clip = MediaBench.mkdirs(work).resolve("lecture-60s-720p.mp4");
        Ffmpeg.run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-i", shared.resolve("media").resolve("one-by-one-person-detection.mp4").toString(),
                "-i", shared.resolve("media").resolve("physicsworks_audio.webm").toString(),
                "-map", "0:v:0", "-map", "1:a:0", "-t", "60", "-vf", "scale=1280:720,fps=25",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-ac", "2", "-b:a", "128k", clip.toString()));
        return clip;
    }

    /** Wall time of each step, from its first report to the next step's first report (or the end). */
    private static final class StepClock implements Step.Listener {
        private final Map<Step, Long> started = new EnumMap<>(Step.class);
        private final Map<Step, Long> last = new EnumMap<>(Step.class);

        @Override
        public synchronized void progress(Step step, double fraction) {
            long now = System.nanoTime();
            started.putIfAbsent(step, now);
            last.put(step, now);
        }

        synchronized Map<Step, Double> seconds() {
            Map<Step, Double> seconds = new LinkedHashMap<>();
            started.forEach((step, start) -> seconds.put(step, (last.get(step) - start) / 1e9));
            return seconds;
        }
    }
}
