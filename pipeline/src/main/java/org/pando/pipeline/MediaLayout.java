package org.pando.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pando.media.LadderCommand;

/**
 * Where media files live under the data directory.
 *
 * @param originals uploaded files, kept as they came ({@code originals/<video>})
 * @param renditions the served HLS ladders, posters and storyboards ({@code media/<video>/})
 * @param work       processing logs and intermediate stills, never served ({@code work/<video>/})
 */
public record MediaLayout(Path originals, Path renditions, Path work) {

    /** The layout under one data directory. */
    public static MediaLayout under(Path dataDir) {
        return new MediaLayout(dataDir.resolve("originals"), dataDir.resolve("media"), dataDir.resolve("work"));
    }

    /** Creates the directories. */
    public MediaLayout create() {
        try {
            Files.createDirectories(originals);
            Files.createDirectories(renditions);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path original(String videoId) {
        return originals.resolve(videoId);
    }

    public Path renditions(String videoId) {
        return renditions.resolve(videoId);
    }

    /** Where a processed video's poster is; an audio clip has its waveform picture instead. */
    public Path poster(String videoId) {
        return renditions(videoId).resolve(LadderCommand.POSTER);
    }

    public Path work(String videoId) {
        return work.resolve(videoId);
    }
}
