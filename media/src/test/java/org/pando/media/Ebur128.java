package org.pando.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loudness as an independent meter reads it: ffmpeg's {@code ebur128} filter, not the {@code loudnorm} Pando uses. */
final class Ebur128 {
    private static final Pattern INTEGRATED = Pattern.compile("Integrated loudness:\\s+I:\\s+(-?[0-9.]+|-inf) LUFS");

    private Ebur128() {
    }

    /** Integrated loudness of a media file or playlist, in LUFS, as ebur128 reports it in its summary. */
    static double integratedLufs(Path media) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostats", "-i", media.toString(), "-af", "ebur128",
                "-f", "null", "-").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("ffmpeg ebur128 on %s: %s", media, log).isZero();
        Matcher m = INTEGRATED.matcher(log);
        assertThat(m.find()).as("an integrated loudness in ebur128's summary: %s", log).isTrue();
        return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
    }
}
