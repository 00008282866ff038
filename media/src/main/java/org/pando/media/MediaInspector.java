package org.pando.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what media analysis needs with ffmpeg: EBU R128 loudness (both passes of {@code loudnorm}),
 * scene cuts ({@code scdet}), the audio as 16 kHz mono PCM for speech models and the picture sampled once a
 * second as raw RGB for image models. A lifecycle component: it owns the ffmpeg processes it starts and kills
 * those still running when closed.
 *
 * <pre>{@code
 * try (MediaInspector inspector = new MediaInspector(MediaConfig.defaults())) {
 *     Optional<Loudness> measured = inspector.loudness(clip, inspector.probe(clip, workDir), workDir);
 * }
 * }</pre>
 */
public final class MediaInspector implements AutoCloseable {
    /** Sample rate of {@link #speechAudio}: what speech models expect. */
    public static final int SPEECH_SAMPLE_RATE = 16_000;
    /** Pictures a second that {@link #sampledFrames} takes. */
    public static final int FRAMES_PER_SECOND = 1;
    private static final Pattern SCENE_TIME = Pattern.compile("lavfi\\.scd\\.time: ([0-9.]+)");

    private final MediaConfig config;
    private final ChildProcesses processes = new ChildProcesses();
    private final Ffprobe ffprobe;
    private final LoudnessMeter meter;

    public MediaInspector(MediaConfig config) {
        this.config = config;
        this.ffprobe = new Ffprobe(config, processes);
        this.meter = new LoudnessMeter(config, processes);
    }

    /** What the file holds, without judging whether it may be published. */
    public ProbeResult probe(Path source, Path workDir) {
        return ffprobe.probe(source, workDir);
    }

    /** The first audio track's loudness; empty when the source has no audio. */
    public Optional<Loudness> loudness(Path source, ProbeResult probe, Path workDir) {
        return probe.hasAudio() ? Optional.of(meter.measure(source, workDir)) : Optional.empty();
    }

    /**
     * The loudness the second pass gives to a track measured as {@code measured}; a silent track is left as it
     * is and so keeps its own loudness.
     */
    public Loudness normalisedLoudness(Path source, Loudness measured, Path workDir) {
        return meter.normalised(source, measured, workDir);
    }

    /** Times (seconds) where the picture cuts to another scene, by ffmpeg's scene change score above {@code threshold} (0–100). */
    public List<Double> sceneCuts(Path source, double threshold, Path workDir) {
        Path log = workDir.resolve("scenes.log");
        ToolRun.toEnd(processes, List.of(config.ffmpeg(), "-hide_banner", "-nostats", "-i", source.toString(), "-map", "0:v:0", "-an", "-sn",
                "-vf", String.format(Locale.ROOT, "scdet=threshold=%.1f", threshold), "-f", "null", "-"), log);
        List<Double> cuts = new ArrayList<>();
        Matcher m = SCENE_TIME.matcher(ToolRun.read(log));
        while (m.find()) {
            cuts.add(Double.parseDouble(m.group(1)));
        }
        return cuts;
    }

    /**
     * Streams the first audio track as 16 kHz mono signed 16-bit little-endian PCM to {@code sink}, in
     * chunks; returns the number of samples.
     */
    public long speechAudio(Path source, PcmSink sink, Path workDir) {
        long[] bytes = {0};
        readOutput(List.of(config.ffmpeg(), "-hide_banner", "-nostats", "-i", source.toString(), "-map", "0:a:0", "-vn",
                "-ac", "1", "-ar", String.valueOf(SPEECH_SAMPLE_RATE), "-f", "s16le", "-"), workDir.resolve("speech-audio.log"),
                "audio", in -> {
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                        sink.accept(buffer, n);
                        bytes[0] += n;
                    }
                });
        return bytes[0] / 2;
    }

    /** Writes the picture at {@code t} seconds as a JPEG {@code width} pixels wide. */
    public void still(Path source, double t, int width, Path jpeg, Path workDir) {
        ToolRun.toEnd(processes, List.of(config.ffmpeg(), "-hide_banner", "-nostats", "-y", "-ss", seconds(t),
                "-i", source.toString(), "-map", "0:v:0", "-frames:v", "1", "-vf", "scale=" + width + ":-2",
                "-q:v", "3", jpeg.toString()), workDir.resolve("still.log"));
    }

    private static String seconds(double t) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, t));
    }

    /**
     * Streams the first video track's picture sampled {@link #FRAMES_PER_SECOND} times a second (ffmpeg's
     * {@code fps} filter: the frame nearest each whole second), each scaled to {@code width} x {@code height}
     * without keeping the aspect ratio, to {@code sink} in time order. A clip too short for the sampling to
     * catch a frame, or a still image, gives its first picture instead. Returns the number of frames given.
     *
     * @throws MediaToolFailed when ffmpeg fails, with the tail of its log
     */
    public int sampledFrames(Path source, int width, int height, FrameSink sink, Path workDir) {
        String filter = String.format(Locale.ROOT, "fps=%d,scale=%d:%d,format=rgb24", FRAMES_PER_SECOND, width, height);
        int[] count = {0};
        rawFrames(source, List.of(), filter, List.of(), width, height, workDir.resolve("frames.log"), rgb -> {
            sink.accept(new RgbFrame((double) count[0] / FRAMES_PER_SECOND, width, height, rgb));
            count[0]++;
        });
        if (count[0] == 0) {
            Optional<RgbFrame> first = frameAt(source, 0, width, height, workDir);
            first.ifPresent(sink::accept);
            return first.isPresent() ? 1 : 0;
        }
        return count[0];
    }

    /**
     * The picture at {@code t} seconds of the first video track (0 for the first, the only one of a still
     * image), scaled to {@code width} x {@code height} without keeping the aspect ratio; empty when ffmpeg
     * decodes no picture there.
     *
     * @throws MediaToolFailed when ffmpeg fails, with the tail of its log
     */
    public Optional<RgbFrame> frameAt(Path source, double t, int width, int height, Path workDir) {
        String filter = String.format(Locale.ROOT, "scale=%d:%d,format=rgb24", width, height);
        List<RgbFrame> found = new ArrayList<>(1);
        // No seek for the first picture: a still image has nothing to seek in and gives no frame after -ss.
        List<String> seek = t > 0 ? List.of("-ss", seconds(t)) : List.of();
        rawFrames(source, seek, filter, List.of("-frames:v", "1"), width, height,
                workDir.resolve("frame-at.log"), rgb -> found.add(new RgbFrame(t, width, height, rgb)));
        return found.stream().findFirst();
    }

    /**
     * Runs ffmpeg with {@code filter} on the first video track ({@code seek} before the input, {@code limit}
     * after the filter) and hands each raw RGB frame it writes to {@code each}.
     */
    private void rawFrames(Path source, List<String> seek, String filter, List<String> limit, int width, int height, Path log,
            Consumer<byte[]> each) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Frames need a positive size, not " + width + "x" + height);
        }
        List<String> command = new ArrayList<>(List.of(config.ffmpeg(), "-hide_banner", "-nostats"));
        command.addAll(seek);
        command.addAll(List.of("-i", source.toString(), "-map", "0:v:0", "-an", "-sn", "-vf", filter));
        command.addAll(limit);
        command.addAll(List.of("-f", "rawvideo", "-pix_fmt", "rgb24", "-"));
        int frameBytes = width * height * 3;
        readOutput(command, log, "picture", in -> {
            byte[] rgb;
            while ((rgb = in.readNBytes(frameBytes)).length == frameBytes) {
                each.accept(rgb);
            }
        });
    }

    /**
     * Runs ffmpeg with its standard output read by {@code reader}; the process is stopped if reading fails, and
     * its failure is reported with the tail of its log.
     */
    private void readOutput(List<String> command, Path log, String what, OutputReader reader) {
        Process process = processes.start(command, log);
        try (InputStream in = process.getInputStream()) {
            reader.read(in);
        } catch (IOException e) {
            ChildProcesses.stop(process);
            throw new MediaToolFailed("Lost ffmpeg's " + what + " output", e);
        } catch (RuntimeException e) {
            ChildProcesses.stop(process);
            throw e;
        }
        ToolRun.requireSuccess(ChildProcesses.await(process), log);
    }

    /** Reads a process's standard output. */
    @FunctionalInterface
    private interface OutputReader {
        void read(InputStream in) throws IOException;
    }

    /** How many ffmpeg processes this inspector started are still running. */
    public int runningProcesses() {
        return processes.alive();
    }

    @Override
    public void close() {
        processes.killAll();
    }

    /** Receives sampled frames in time order. */
    @FunctionalInterface
    public interface FrameSink {
        void accept(RgbFrame frame);
    }

    /** Receives PCM bytes; {@code length} of {@code buffer} are valid and the buffer is reused after the call. */
    @FunctionalInterface
    public interface PcmSink {
        void accept(byte[] buffer, int length);
    }
}
