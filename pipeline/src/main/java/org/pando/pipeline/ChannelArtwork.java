package org.pando.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pando.catalog.Channel;
import org.pando.catalog.ChannelPicture;
import org.pando.catalog.ChannelService;
import org.pando.domain.FileTrees;
import org.pando.domain.RandomIds;
import org.pando.media.PictureFitter;
import org.pando.moderation.HoldRule;
import org.pando.understanding.FileAnalyzer;
import org.pando.understanding.PictureFindings;

/**
 * A channel's avatar and banner: an uploaded picture is fitted to its shape, looked at by the image models and
 * refused when the moderation's rule would hold a video with it as the poster; otherwise it replaces the channel's
 * picture at once. A picture that is refused, or fails, leaves the one before in place.
 *
 * <pre>{@code
 * Channel channel = artwork.replace(account.id(), "ana-travels", ChannelPicture.AVATAR, body);
 * Path served = layout.channelPicture(channel.id(), ChannelPicture.AVATAR);
 * }</pre>
 */
public final class ChannelArtwork {
    /** Largest picture file taken, in bytes. */
    public static final long MAX_BYTES = 10L << 20;

    private final ChannelService channels;
    private final PictureFitter fitter;
    private final FileAnalyzer analyzer;
    private final HoldRule rule;
    private final MediaLayout layout;

    public ChannelArtwork(ChannelService channels, PictureFitter fitter, FileAnalyzer analyzer, HoldRule rule, MediaLayout layout) {
        this.channels = channels;
        this.fitter = fitter;
        this.analyzer = analyzer;
        this.rule = rule;
        this.layout = layout;
    }

    /**
     * Replaces the picture of a channel the account owns with the one read from {@code body}.
     *
     * @throws org.pando.catalog.NotAllowed  when the account does not own the channel
     * @throws PictureRefused                when the file is empty, over {@link #MAX_BYTES}, or looks inappropriate
     * @throws org.pando.media.MediaRejected when the file is not a picture
     */
    public Channel replace(String accountId, String handle, ChannelPicture kind, InputStream body) {
        Channel channel = channels.owned(accountId, handle);
        Path work = layout.work("channel-" + channel.id() + "-" + RandomIds.id());
        try {
            Files.createDirectories(work);
            Path upload = received(body, work.resolve("upload"));
            Path fitted = work.resolve(kind.wireName() + ".jpg");
            fitter.fit(upload, kind.width(), kind.height(), fitted, work);
            PictureFindings seen = analyzer.lookAt(fitted, work);
            rule.flaggedPicture(seen).ifPresent(flag -> {
                throw PictureRefused.inappropriate(flag);
            });
            layout.blobs().put(MediaLayout.channelPicture(channel.id(), kind), fitted);
            return channels.pictureChanged(channel.id(), kind, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the channel's " + kind.wireName(), e);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    /** Removes the picture of a channel the account owns; the channel shows none after. */
    public Channel remove(String accountId, String handle, ChannelPicture kind) {
        Channel channel = channels.owned(accountId, handle);
        Channel changed = channels.pictureChanged(channel.id(), kind, false);
        layout.blobs().delete(MediaLayout.channelPicture(channel.id(), kind));
        return changed;
    }

    /** Writes the body to {@code file}; an empty body, or one over {@link #MAX_BYTES}, is refused. */
    private static Path received(InputStream body, Path file) throws IOException {
        byte[] bytes = body.readNBytes(Math.toIntExact(MAX_BYTES) + 1);
        if (bytes.length > MAX_BYTES) {
            throw PictureRefused.tooLarge();
        }
        if (bytes.length == 0) {
            throw PictureRefused.missing();
        }
        return Files.write(file, bytes);
    }
}
