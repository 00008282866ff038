package org.pando.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Both passes of ffmpeg's {@code loudnorm} on a source's first audio track, read from its JSON report. */
final class LoudnessMeter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MediaConfig config;
    private final ChildProcesses processes;

    LoudnessMeter(MediaConfig config, ChildProcesses processes) {
        this.config = config;
        this.processes = processes;
    }

    /** The first pass: the track's loudness as it is. */
    Loudness measure(Path source, Path workDir) {
        String filter = String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:print_format=json",
                config.loudness().integratedLufs(), config.loudness().truePeakDbtp(), LoudnessTarget.RANGE_LU);
        JsonNode json = report(source, filter, workDir.resolve("loudness-1.log"));
        return new Loudness(number(json, "input_i"), number(json, "input_tp"), number(json, "input_lra"),
                number(json, "input_thresh"), number(json, "target_offset"));
    }

    /** The second pass's own measurement of its output; a silent track is left as it is. */
    Loudness normalised(Path source, Loudness measured, Path workDir) {
        if (measured.silent()) {
            return measured;
        }
        JsonNode json = report(source, measured.normalisationFilter(config.loudness()), workDir.resolve("loudness-2.log"));
        return new Loudness(number(json, "output_i"), number(json, "output_tp"), number(json, "output_lra"),
                number(json, "output_thresh"), 0);
    }

    private JsonNode report(Path source, String filter, Path log) {
        ToolRun.toEnd(processes, List.of(config.ffmpeg(), "-hide_banner", "-nostats", "-i", source.toString(), "-map", "0:a:0",
                "-vn", "-sn", "-af", filter, "-f", "null", "-"), log);
        String text = ToolRun.read(log);
        int start = text.lastIndexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new MediaToolFailed("ffmpeg's loudnorm printed no measurement: " + ToolRun.tail(text));
        }
        try {
            return JSON.readTree(text.substring(start, end + 1));
        } catch (IOException e) {
            throw new MediaToolFailed("Unreadable loudnorm measurement: " + text.substring(start, end + 1), e);
        }
    }

    /** loudnorm writes "-inf" for silence; that reads as negative infinity. */
    private static double number(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            throw new MediaToolFailed("loudnorm's measurement lacks " + field);
        }
        String text = value.asText().trim();
        return switch (text) {
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
