package org.pando.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns an uploaded source into a playable HLS ladder; a lifecycle component because it owns ffmpeg
 * processes.
 *
 * <pre>{@code
 * try (VideoProcessor processor = new VideoProcessor(MediaConfig.defaults())) {
 *     ProcessedVideo done = processor.process(original, outputDir, workDir, listener);
 * }
 * }</pre>
 */
public final class VideoProcessor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(VideoProcessor.class.getName());
    /** Below this share of the expected frames, the source is taken to be truncated. */
    private static final double TRUNCATED_BELOW = 0.8;
    private static final List<String> DAMAGED_MARKERS = List.of("invalid data found", "moov atom not found",
            "error while decoding", "corrupt", "truncat", "partial file", "no frame", "could not find codec");

    private final MediaConfig config;
    private final ChildProcesses processes = new ChildProcesses();
    private final Ffprobe ffprobe;
    private final SourceRules rules;
    private final LadderPlanner planner;
    private final LadderCommand command;
    private final LoudnessMeter loudness;

    public VideoProcessor(MediaConfig config) {
        this.config = config;
        this.ffprobe = new Ffprobe(config, processes);
        this.rules = new SourceRules(config);
        this.planner = new LadderPlanner(config);
        this.command = new LadderCommand(config);
        this.loudness = new LoudnessMeter(config, processes);
    }

    /** Probes and checks a source without processing it; throws {@link MediaRejected} when it is refused. */
    public ProbeResult probe(Path source, Path workDir) {
        createDirectories(workDir);
        ProbeResult probe = ffprobe.probe(source, workDir);
        rules.check(probe);
        return probe;
    }

    /**
     * Probes, checks and processes the source into {@code outputDir}, which is emptied first (a retried job
     * starts clean); the audio is measured first (EBU R128) and normalised to the configured loudness in the
     * same run that writes the ladder. Logs go to {@code workDir}, which is never served.
     */
    public ProcessedVideo process(Path source, Path outputDir, Path workDir, ProcessingListener listener) {
        ProbeResult probe = probe(source, workDir);
        listener.probed(probe);
        LadderPlan plan = planner.plan(probe);
        int strays = ChildProcesses.killStrays(outputDir);
        if (strays > 0) {
            LOG.log(System.Logger.Level.WARNING, "Stopped " + strays + " leftover process(es) still writing " + outputDir);
        }
        clean(outputDir);
        Path stills = workDir.resolve("stills");
        clean(stills);
        Optional<Loudness> measured = plan.audio() ? Optional.of(loudness.measure(source, workDir)) : Optional.empty();
        List<String> args = command.arguments(plan, source, outputDir, stills, measured);
        LOG.log(System.Logger.Level.DEBUG, () -> "ffmpeg " + String.join(" ", args));
        boolean[] announced = {false};
        FfmpegRun run = FfmpegRun.run(processes, args, workDir.resolve("ffmpeg.log"), p -> {
            listener.progress(p.ended() ? 1.0 : Math.min(0.99, (double) p.frame() / plan.frames()));
            if (!announced[0] && HlsOutput.playable(outputDir)) {
                announced[0] = true;
                listener.playable();
            }
        });
        if (run.exitCode() != 0) {
            throw failure(run);
        }
        if (run.lastFrame() < plan.frames() * TRUNCATED_BELOW) {
            throw new MediaRejected("media-truncated", "The video stops after " + seconds(run.lastFrame(), plan)
                    + " of its stated length; the file looks truncated. Upload the whole file again.");
        }
        Stills.finish(plan, stills, outputDir);
        requireOutputs(outputDir);
        if (!announced[0]) {
            listener.playable();
        }
        return new ProcessedVideo(probe, plan, outputDir, measured);
    }

    /** How many ffmpeg or ffprobe processes are running now. */
    public int runningProcesses() {
        return processes.alive();
    }

    @Override
    public void close() {
        processes.killAll();
    }

    private RuntimeException failure(FfmpegRun run) {
        String errors = run.errors().toLowerCase(Locale.ROOT);
        LOG.log(System.Logger.Level.WARNING, "ffmpeg exited with " + run.exitCode() + ": " + run.errors());
        if (DAMAGED_MARKERS.stream().anyMatch(errors::contains)) {
            return new MediaRejected("media-damaged",
                    "The video could not be decoded to the end; the file may be damaged. Try exporting it again.");
        }
        return new MediaToolFailed("ffmpeg exited with status " + run.exitCode());
    }

    private static String seconds(long frames, LadderPlan plan) {
        double fps = plan.frames() * 1000.0 / Math.max(1, plan.durationMs());
        return String.format(Locale.ROOT, "%.1f s", frames / fps);
    }

    private static void requireOutputs(Path out) {
        for (String name : List.of(LadderCommand.MASTER, LadderCommand.POSTER, LadderCommand.STORYBOARD)) {
            if (!Files.isRegularFile(out.resolve(name))) {
                throw new MediaToolFailed("ffmpeg finished without writing " + name);
            }
        }
    }

    private static void clean(Path dir) {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(VideoProcessor::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        createDirectories(dir);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
