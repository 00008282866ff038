package org.pando.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Test inputs made on the spot with ffmpeg: good clips of any size and the bad inputs an upload must
 * survive.
 */
public final class Clips {
    private Clips() {
    }

    /** A test-pattern clip with a tone, H.264/AAC in MP4. */
    public static Path pattern(Path dir, String name, int width, int height, int fps, int seconds) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "testsrc2=s=" + width + "x" + height + ":r=" + fps + ":d=" + seconds,
                "-f", "lavfi", "-i", "sine=f=440:d=" + seconds, "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    /** A black, silent video ten hours long (one frame a minute, so it is made in a moment). */
    public static Path tenHoursSilent(Path dir) {
        return ffmpeg(dir.resolve("ten-hours.mp4"), "-f", "lavfi", "-i", "color=c=black:s=64x64:r=1/60", "-t", "36000",
                "-c:v", "libx264", "-preset", "ultrafast");
    }

    /** An MP4 cut in half with its index at the end, so nothing can read it. */
    public static Path truncatedMp4(Path dir) throws IOException {
        Path whole = pattern(dir, "whole.mp4", 320, 240, 25, 6);
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** An MP4 with its index first, cut in half: it probes as whole but the second half is missing. */
    public static Path truncatedFastStartMp4(Path dir) throws IOException {
        Path whole = ffmpeg(dir.resolve("faststart.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=8",
                "-c:v", "libx264", "-preset", "ultrafast", "-movflags", "+faststart");
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(dir.resolve("truncated-faststart.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** A raw-video file whose header claims a 20000x20000 picture. */
    public static Path hugeFrameHeader(Path dir) throws IOException {
        byte[] header = "YUV4MPEG2 W20000 H20000 F25:1 Ip A1:1 C420jpeg\nFRAME\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[4096];
        byte[] file = Arrays.copyOf(header, header.length + body.length);
        return Files.write(dir.resolve("huge.y4m"), file);
    }

    /** A text file that is not media at all. */
    public static Path notAVideo(Path dir) throws IOException {
        return Files.writeString(dir.resolve("notes.mp4"), "These are meeting notes, not a video.\n".repeat(200));
    }

    /** An empty file. */
    public static Path empty(Path dir) throws IOException {
        return Files.write(dir.resolve("empty.mp4"), new byte[0]);
    }

    /** A single PNG picture. */
    public static Path stillImage(Path dir) {
        return ffmpeg(dir.resolve("picture.png"), "-f", "lavfi", "-i", "testsrc2=s=320x240:d=1", "-frames:v", "1");
    }

    /** The first audio track of {@code source} alone, in the container and codec {@code name}'s extension implies. */
    public static Path audioOf(Path source, Path dir, String name, String... codec) {
        List<String> args = new ArrayList<>(List.of("-i", source.toString(), "-map", "0:a:0", "-vn"));
        args.addAll(List.of(codec));
        return ffmpeg(dir.resolve(name), args.toArray(String[]::new));
    }

    /** The first audio track of {@code source} as an MP3 carrying a cover picture, as podcasts and songs often do. */
    public static Path mp3WithCover(Path source, Path dir) {
        Path cover = ffmpeg(dir.resolve("cover.png"), "-f", "lavfi", "-i", "testsrc2=s=300x300:d=1", "-frames:v", "1");
        return ffmpeg(dir.resolve("with-cover.mp3"), "-i", source.toString(), "-i", cover.toString(), "-map", "0:a:0",
                "-map", "1:v:0", "-c:a", "libmp3lame", "-b:a", "96k", "-c:v", "png", "-disposition:v:0", "attached_pic");
    }

    /** An MKV holding only a subtitle track: neither sound nor picture. */
    public static Path subtitlesOnly(Path dir) throws IOException {
        Path srt = Files.writeString(dir.resolve("words.srt"), """
                1
                00:00:00,000 --> 00:00:02,000
                Nothing to hear or see here.

                """);
        return ffmpeg(dir.resolve("subtitles.mkv"), "-i", srt.toString(), "-c:s", "srt");
    }

    /** An M4A with its index first, cut in half: it probes as whole but the second half of the sound is missing. */
    public static Path truncatedFastStartM4a(Path dir) throws IOException {
        Path whole = ffmpeg(dir.resolve("whole.m4a"), "-f", "lavfi", "-i", "sine=f=330:d=8", "-c:a", "aac",
                "-movflags", "+faststart");
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(dir.resolve("truncated.m4a"), Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** Random bytes named like an MP3. */
    public static Path noiseNamedMp3(Path dir) throws IOException {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        return Files.write(dir.resolve("song.mp3"), noise);
    }

    private static Path ffmpeg(Path out, String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y"));
        command.addAll(List.of(args));
        command.add(out.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("ffmpeg making %s said: %s", out.getFileName(), output).isZero();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg is needed to make test clips", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
