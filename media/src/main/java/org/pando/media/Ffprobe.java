package org.pando.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a source's container and streams with ffprobe. */
final class Ffprobe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INVALID_SIZE = Pattern.compile("Picture size (\\d+)x(\\d+) is invalid");

    private final MediaConfig config;
    private final ChildProcesses processes;

    Ffprobe(MediaConfig config, ChildProcesses processes) {
        this.config = config;
        this.processes = processes;
    }

    /** What ffprobe finds; a file it cannot read at all is a {@link MediaRejected}. */
    ProbeResult probe(Path source, Path workDir) {
        Path stderr = workDir.resolve("ffprobe.log");
        Process process = processes.start(List.of(config.ffprobe(), "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", source.toString()), stderr);
        JsonNode root;
        try {
            byte[] out = process.getInputStream().readAllBytes();
            int exit = ChildProcesses.await(process);
            if (exit != 0 || out.length == 0) {
                throw unreadable(Files.exists(stderr) ? Files.readString(stderr) : "");
            }
            root = JSON.readTree(out);
        } catch (IOException e) {
            throw new MediaToolFailed("Could not read ffprobe's output", e);
        } finally {
            deleteQuietly(stderr);
        }
        return parse(root);
    }

    static MediaRejected unreadable(String errors) {
        Matcher size = INVALID_SIZE.matcher(errors);
        if (size.find()) {
            return new MediaRejected("media-too-large-frame", "The file claims a picture of " + size.group(1) + "x"
                    + size.group(2) + " pixels, which is far larger than any video Pando accepts.");
        }
        return new MediaRejected("media-unreadable",
                "This file could not be read as a video or an audio clip. It may be damaged, incomplete, or not media at all.");
    }

    static ProbeResult parse(JsonNode root) {
        JsonNode format = root.path("format");
        long durationMs = Math.round(format.path("duration").asDouble(0) * 1000);
        Optional<VideoTrack> video = Optional.empty();
        boolean audio = false;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            boolean attachedPicture = stream.path("disposition").path("attached_pic").asInt(0) == 1;
            if ("video".equals(type) && video.isEmpty() && !attachedPicture) {
                video = Optional.of(new VideoTrack(stream.path("codec_name").asText("unknown"),
                        stream.path("width").asInt(0), stream.path("height").asInt(0), rotation(stream),
                        rate(stream.path("avg_frame_rate").asText("0/0"))));
            } else if ("audio".equals(type)) {
                audio = true;
            }
        }
        return new ProbeResult(format.path("format_name").asText(""), durationMs, video, audio);
    }

    private static int rotation(JsonNode stream) {
        for (JsonNode side : stream.path("side_data_list")) {
            if (side.has("rotation")) {
                return side.path("rotation").asInt(0);
            }
        }
        return stream.path("tags").path("rotate").asInt(0);
    }

    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        try {
            double num = Double.parseDouble(parts[0]);
            double den = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return den == 0 ? 0 : num / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover log file in the work directory is harmless
        }
    }
}
