package org.pando.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Finishes the still images after the ffmpeg run: picks the poster among the candidates ffmpeg wrote and
 * lays the storyboard thumbnails out as one sprite with its WebVTT cues.
 *
 * <p>The poster is the candidate with the largest JPEG, a cheap stand-in for "most detail": it passes over
 * black intros and fades. The first candidate (the very first frame) is used only when it is alone.
 */
final class Stills {
    static final String POSTER_CANDIDATES = "poster-%02d.jpg";
    static final String THUMBNAILS = "thumb-%04d.jpg";

    private Stills() {
    }

    /** Writes the poster, storyboard sprite and cues into {@code out}; returns the storyboard as laid out. */
    static StoryboardPlan finish(LadderPlan plan, Path work, Path out) {
        List<Path> posters = files(work, "poster-");
        List<Path> thumbs = files(work, "thumb-");
        if (posters.isEmpty() || thumbs.isEmpty()) {
            throw new MediaToolFailed("ffmpeg finished without writing the poster or storyboard frames");
        }
        copy(bestPoster(posters), out.resolve(LadderCommand.POSTER));
        StoryboardPlan layout = plan.storyboard().withCount(thumbs.size());
        writeSprite(thumbs, layout, out.resolve(LadderCommand.STORYBOARD));
        write(out.resolve(LadderCommand.STORYBOARD_VTT), layout.webVtt(LadderCommand.STORYBOARD, plan.durationMs()));
        thumbs.forEach(Stills::delete);
        posters.forEach(Stills::delete);
        return layout;
    }

    private static Path bestPoster(List<Path> candidates) {
        List<Path> pool = candidates.size() > 1 ? candidates.subList(1, candidates.size()) : candidates;
        return pool.stream().max(Comparator.comparingLong(Stills::size)).orElseThrow();
    }

    private static void writeSprite(List<Path> thumbs, StoryboardPlan layout, Path target) {
        BufferedImage sprite = new BufferedImage(layout.columns() * layout.tileWidth(), layout.rows() * layout.tileHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sprite.createGraphics();
        try {
            for (int i = 0; i < thumbs.size(); i++) {
                BufferedImage thumb = ImageIO.read(thumbs.get(i).toFile());
                if (thumb != null) {
                    g.drawImage(thumb, (i % layout.columns()) * layout.tileWidth(), (i / layout.columns()) * layout.tileHeight(),
                            layout.tileWidth(), layout.tileHeight(), null);
                }
            }
            ImageIO.write(sprite, "jpg", target.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            g.dispose();
        }
    }

    private static List<Path> files(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
