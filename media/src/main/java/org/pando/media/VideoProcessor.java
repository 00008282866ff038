package org.pando.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns an uploaded source into a playable HLS ladder, or an audio-only source into an audio clip (AAC renditions
 * and a waveform picture); a lifecycle component because it owns ffmpeg processes.
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

    private final ChildProcesses processes = new ChildProcesses();
    private final Ffprobe ffprobe;
    private final SourceRules rules;
    private final LadderPlanner planner;
    private final LadderCommand command;
    private final LoudnessMeter loudness;
    private final AudioRenditions audio;

    public VideoProcessor(MediaConfig config) {
        this.ffprobe = new Ffprobe(config, processes);
        this.rules = new SourceRules(config);
        this.planner = new LadderPlanner(config);
        this.command = new LadderCommand(config);
        this.loudness = new LoudnessMeter(config, processes);
        this.audio = new AudioRenditions(config, processes);
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
     * same run that writes the renditions. Logs go to {@code workDir}, which is never served.
     */
    public ProcessedVideo process(Path source, Path outputDir, Path workDir, ProcessingListener listener) {
        ProbeResult probe = probe(source, workDir);
        listener.probed(probe);
        int strays = ChildProcesses.killStrays(outputDir);
        if (strays > 0) {
            LOG.log(System.Logger.Level.WARNING, "Stopped " + strays + " leftover process(es) still writing " + outputDir);
        }
        clean(outputDir);
        Optional<Loudness> measured = probe.hasAudio() ? Optional.of(loudness.measure(source, workDir)) : Optional.empty();
        List<String> renditions = probe.audioOnly()
                ? audio.write(probe, source, outputDir, workDir, measured.orElseThrow(), listener)
                : ladder(probe, source, outputDir, workDir, measured, listener);
        return new ProcessedVideo(probe, renditions, outputDir, measured);
    }

    /** One ffmpeg run writes the ladder and the stills, which are then laid out; returns the renditions' names. */
    private List<String> ladder(ProbeResult probe, Path source, Path outputDir, Path workDir, Optional<Loudness> measured,
            ProcessingListener listener) {
        LadderPlan plan = planner.plan(probe);
        Path stills = workDir.resolve("stills");
        clean(stills);
        List<String> args = command.arguments(plan, source, outputDir, stills, measured);
        LOG.log(System.Logger.Level.DEBUG, () -> "ffmpeg " + String.join(" ", args));
        ProgressRelay relay = new ProgressRelay(outputDir, listener, p -> (double) p.frame() / plan.frames());
        FfmpegRun run = FfmpegRun.run(processes, args, workDir.resolve("ffmpeg.log"), relay);
        if (run.exitCode() != 0) {
            throw run.failure("video");
        }
        if (run.lastFrame() < plan.frames() * TRUNCATED_BELOW) {
            throw new MediaRejected("media-truncated", "The video stops after " + seconds(run.lastFrame(), plan)
                    + " of its stated length; the file looks truncated. Upload the whole file again.");
        }
        Stills.finish(plan, stills, outputDir);
        requireOutputs(outputDir);
        relay.finished();
        List<String> renditions = new ArrayList<>(plan.rungs().stream().map(Rung::name).toList());
        if (plan.audio()) {
            renditions.add(LadderCommand.AUDIO);
        }
        return renditions;
    }

    /** How many ffmpeg or ffprobe processes are running now. */
    public int runningProcesses() {
        return processes.alive();
    }

    @Override
    public void close() {
        processes.killAll();
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
