package org.pando.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How ffmpeg writes an HLS output directory, and what can be read of it while ffmpeg writes it. */
final class HlsOutput {
    /** Each variant's media playlist, in the variant's directory. */
    static final String PLAYLIST = "index.m3u8";
    private static final Pattern URI = Pattern.compile("URI=\"([^\"]+)\"");

    private HlsOutput() {
    }

    /**
     * ffmpeg's output options for fMP4 HLS under a master playlist, one directory per variant of {@code streamMap}:
     * EVENT playlists written through temporary files, so a player can start while they grow and never reads a
     * half-written segment.
     */
    static List<String> muxerArguments(MediaConfig config, String streamMap, Path out) {
        String segmentSeconds = String.format(Locale.ROOT, "%.3f", config.segmentDuration().toMillis() / 1000.0);
        return List.of("-f", "hls", "-hls_time", segmentSeconds, "-hls_playlist_type", "event",
                "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments+temp_file",
                "-master_pl_name", LadderCommand.MASTER, "-var_stream_map", streamMap,
                "-hls_segment_filename", out.resolve("%v").resolve("seg_%05d.m4s").toString(),
                out.resolve("%v").resolve(PLAYLIST).toString());
    }

    /**
     * Whether a player can start: the master playlist exists and every playlist it names has a segment.
     */
    static boolean playable(Path dir) {
        Path master = dir.resolve(LadderCommand.MASTER);
        try {
            List<String> playlists = playlists(Files.readAllLines(master));
            if (playlists.isEmpty()) {
                return false;
            }
            for (String playlist : playlists) {
                Path file = dir.resolve(playlist).normalize();
                if (!file.startsWith(dir) || !Files.readString(file).contains("#EXTINF")) {
                    return false;
                }
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> playlists(List<String> master) {
        List<String> names = new ArrayList<>();
        for (String line : master) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("#EXT-X-MEDIA")) {
                Matcher m = URI.matcher(trimmed);
                if (m.find() && !names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            } else if (!trimmed.startsWith("#") && !names.contains(trimmed)) {
                names.add(trimmed);
            }
        }
        return names;
    }
}
