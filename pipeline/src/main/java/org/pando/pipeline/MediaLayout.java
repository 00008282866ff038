package org.pando.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pando.blobs.BlobStore;
import org.pando.catalog.ChannelPicture;
import org.pando.media.LadderCommand;

/**
 * Where media files are kept, as keys of the {@link BlobStore}, and where they are worked on, on local disk.
 *
 * <ul>
 *   <li>{@code originals/<video>}: uploaded files, kept as they came;</li>
 *   <li>{@code media/<video>/}: the served HLS ladders, posters, storyboards and pages' pictures;</li>
 *   <li>{@code pictures/channels/<channel>/avatar.jpg} and {@code banner.jpg}: the served pictures of channels.</li>
 * </ul>
 *
 * @param blobs where the files are kept
 * @param work  processing logs, downloaded originals and intermediate stills, never served ({@code work/<video>/})
 */
public record MediaLayout(BlobStore blobs, Path work) {
    /** The prefix of the served media, as also found below {@code /media/} on the web. */
    public static final String MEDIA = "media";
    /** The prefix of the channels' pictures, as also found below {@code /pictures/} on the web. */
    public static final String PICTURES = "pictures";

    /** Creates the work directory. */
    public MediaLayout create() {
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The key of a video's original. */
    public static String original(String videoId) {
        return "originals/" + videoId;
    }

    /** The prefix of a video's served files. */
    public static String renditions(String videoId) {
        return MEDIA + "/" + videoId;
    }

    /** The key of a processed video's poster; an audio clip has its waveform picture there instead. */
    public static String poster(String videoId) {
        return renditions(videoId) + "/" + LadderCommand.POSTER;
    }

    /** A video's own work directory. */
    public Path work(String videoId) {
        return work.resolve(videoId);
    }

    /** The key of a channel's picture. */
    public static String channelPicture(String channelId, ChannelPicture kind) {
        return PICTURES + "/" + channelPicturePath(channelId, kind);
    }

    /** A channel's picture's path below {@code /pictures/} on the web. */
    public static String channelPicturePath(String channelId, ChannelPicture kind) {
        return "channels/" + channelId + "/" + kind.wireName() + ".jpg";
    }
}
