package org.pando.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Fits an uploaded picture to a fixed shape with ffmpeg: the picture (a photo, or the first frame of anything with
 * one) is scaled to cover the shape, cropped to its centre and written as a JPEG, which is all that is ever served
 * of it. A lifecycle component: it owns the ffmpeg processes it starts and kills those still running when closed.
 *
 * <pre>{@code
 * try (PictureFitter fitter = new PictureFitter(MediaConfig.defaults())) {
 *     fitter.fit(upload, 400, 400, avatarJpeg, workDir);
 * }
 * }</pre>
 */
public final class PictureFitter implements AutoCloseable {
    /** Widest and tallest picture read: larger ones are refused before ffmpeg decodes them. */
    public static final int MAX_SIDE = 12_000;
    private static final System.Logger LOG = System.getLogger(PictureFitter.class.getName());

    private final MediaConfig config;
    private final ChildProcesses processes = new ChildProcesses();
    private final Ffprobe ffprobe;

    public PictureFitter(MediaConfig config) {
        this.config = config;
        this.ffprobe = new Ffprobe(config, processes);
    }

    /**
     * Writes {@code source}'s picture as a {@code width} x {@code height} JPEG to {@code jpeg}.
     *
     * @throws MediaRejected when the file has no picture that can be decoded, or one too large to read
     */
    public void fit(Path source, int width, int height, Path jpeg, Path workDir) {
        ProbeResult probe;
        try {
            probe = ffprobe.probe(source, workDir);
        } catch (MediaRejected e) {
            throw notAPicture();
        }
        VideoTrack picture = probe.video().filter(v -> v.width() > 0 && v.height() > 0).orElseThrow(PictureFitter::notAPicture);
        if (picture.width() > MAX_SIDE || picture.height() > MAX_SIDE) {
            throw new MediaRejected("picture-too-large", "The picture is " + picture.width() + "x" + picture.height()
                    + " pixels; send one of at most " + MAX_SIDE + " pixels a side.");
        }
        String filter = String.format(Locale.ROOT,
                "scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,setsar=1", width, height, width, height);
        try {
            ToolRun.toEnd(processes, List.of(config.ffmpeg(), "-hide_banner", "-nostats", "-y", "-i", source.toString(),
                    "-map", "0:v:0", "-frames:v", "1", "-vf", filter, "-q:v", "3", "-f", "image2", "-c:v", "mjpeg",
                    jpeg.toString()), workDir.resolve("picture.log"));
        } catch (MediaToolFailed e) {
            // ffprobe named a picture that ffmpeg then could not decode: a damaged file, whose log says how
            LOG.log(System.Logger.Level.INFO, "An uploaded picture could not be decoded: {0}", e.getMessage());
            throw notAPicture();
        }
    }

    private static MediaRejected notAPicture() {
        return new MediaRejected("picture-unreadable",
                "This file could not be read as a picture. Send a JPEG, PNG, WebP or GIF image.");
    }

    /** How many ffmpeg processes are running. */
    public int runningProcesses() {
        return processes.alive();
    }

    @Override
    public void close() {
        processes.killAll();
    }
}
