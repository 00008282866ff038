package org.pando.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an HLS output directory while ffmpeg writes it. */
final class HlsOutput {
    private static final Pattern URI = Pattern.compile("URI=\"([^\"]+)\"");

    private HlsOutput() {
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
