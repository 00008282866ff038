package org.pando.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pando.catalog.ChannelPicture;
import org.pando.media.LadderCommand;

/**
 * Where media files live under the data directory.
 *
 * @param originals uploaded files, kept as they came ({@code originals/<video>})
 * @param renditions the served HLS ladders, posters and storyboards ({@code media/<video>/})
 * @param work       processing logs and intermediate stills, never served ({@code work/<video>/})
 * @param pictures   the served pictures of channels ({@code pictures/channels/<channel>/avatar.jpg})
 */
public record MediaLayout(Path originals, Path renditions, Path work, Path pictures) {

    /** The layout under one data directory. */
    public static MediaLayout under(Path dataDir) {
        return new MediaLayout(dataDir.resolve("originals"), dataDir.resolve("media"), dataDir.resolve("work"),
                dataDir.resolve("pictures"));
    }

    /** Creates the directories. */
    public MediaLayout create() {
        try {
            Files.createDirectories(originals);
            Files.createDirectories(renditions);
            Files.createDirectories(work);
            Files.createDirectories(pictures);
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

    /** Where a channel's picture is served from. */
    public Path channelPicture(String channelId, ChannelPicture kind) {
        return pictures.resolve(channelPicturePath(channelId, kind));
    }

    /** A channel's picture's path below {@link #pictures}, as it is also found below {@code /pictures/} on the web. */
    public static String channelPicturePath(String channelId, ChannelPicture kind) {
        return "channels/" + channelId + "/" + kind.wireName() + ".jpg";
    }
}
