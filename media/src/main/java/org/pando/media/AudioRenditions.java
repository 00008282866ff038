package org.pando.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an audio-only source into an audio clip: loudness-normalised AAC renditions as HLS, then the waveform
 * picture that is its poster. Processes are started through the owner's {@link ChildProcesses}.
 */
final class AudioRenditions {
    /** Below this share of the stated duration, the source is taken to be truncated. */
    private static final double TRUNCATED_BELOW = 0.8;
    private static final String NOUN = "audio clip";

    private final MediaConfig config;
    private final ChildProcesses processes;
    private final AudioLadderCommand command;

    AudioRenditions(MediaConfig config, ChildProcesses processes) {
        this.config = config;
        this.processes = processes;
        this.command = new AudioLadderCommand(config);
    }

    /**
     * Writes the renditions and the waveform into {@code out} (already empty); {@code measured} is the first
     * pass's loudness. Returns the renditions' names.
     */
    List<String> write(ProbeResult probe, Path source, Path out, Path work, Loudness measured, ProcessingListener listener) {
        AudioPlan plan = AudioPlan.of(config, probe);
        ProgressRelay relay = new ProgressRelay(out, listener,
                p -> (double) p.outTimeMs() / Math.max(1, plan.durationMs()));
        FfmpegRun run = FfmpegRun.run(processes, command.arguments(plan, source, out, Optional.of(measured)),
                work.resolve("ffmpeg.log"), relay);
        if (run.exitCode() != 0) {
            throw run.failure(NOUN);
        }
        if (run.lastOutTimeMs() < plan.durationMs() * TRUNCATED_BELOW) {
            throw new MediaRejected("media-truncated", String.format(Locale.ROOT,
                    "The %s stops after %.1f s of its stated %.1f s; the file looks truncated. Upload the whole file again.",
                    NOUN, run.lastOutTimeMs() / 1000.0, plan.durationMs() / 1000.0));
        }
        relay.finished();
        Path waveform = out.resolve(AudioLadderCommand.WAVEFORM);
        Path played = out.resolve(plan.renditions().getFirst().name()).resolve(HlsOutput.PLAYLIST);
        ToolRun.toEnd(processes, command.waveformArguments(played, waveform), work.resolve("waveform.log"));
        for (Path required : List.of(out.resolve(LadderCommand.MASTER), waveform)) {
            if (!Files.isRegularFile(required)) {
                throw new MediaToolFailed("ffmpeg finished without writing " + required.getFileName());
            }
        }
        return plan.renditions().stream().map(AudioRendition::name).toList();
    }
}
