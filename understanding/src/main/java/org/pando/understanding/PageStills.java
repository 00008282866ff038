package org.pando.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pando.media.MediaInspector;
import org.pando.media.RgbFrame;

/**
 * A sharp picture for each Video Slide page: of three moments inside the page, the one whose picture has the
 * most detail (the variance of its Laplacian, on a small gray copy) is written as {@code <n>.jpg}, n counted
 * from 1, and becomes the page's {@link SlidePage#frameAt()}.
 */
final class PageStills {
    static final int PROBE_WIDTH = 160;
    static final int PROBE_HEIGHT = 90;
    static final int WIDTH = 640;

    private final MediaInspector inspector;

    PageStills(MediaInspector inspector) {
        this.inspector = inspector;
    }

    /** Writes every page's picture into {@code dir}; returns the pages with the moments chosen. */
    List<SlidePage> write(Path source, List<SlidePage> pages, Path dir, Path workDir) {
        createDirectories(dir);
        List<SlidePage> pictured = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            SlidePage page = pages.get(i);
            double best = page.frameAt();
            double bestSharpness = -1;
            for (double t : candidates(page)) {
                double s = inspector.frameAt(source, t, PROBE_WIDTH, PROBE_HEIGHT, workDir)
                        .map(frame -> sharpness(luma(frame), PROBE_WIDTH, PROBE_HEIGHT)).orElse(0.0);
                if (s > bestSharpness) {
                    bestSharpness = s;
                    best = t;
                }
            }
            inspector.still(source, best, WIDTH, dir.resolve((i + 1) + ".jpg"), workDir);
            pictured.add(new SlidePage(page.start(), page.end(), page.text(), best));
        }
        return pictured;
    }

    /** A quarter, half and three quarters into the page, kept a little away from its edges. */
    static List<Double> candidates(SlidePage page) {
        double length = page.end() - page.start();
        double margin = Math.min(0.2, length / 4);
        List<Double> times = new ArrayList<>();
        for (double at : new double[] {0.25, 0.5, 0.75}) {
            times.add(Math.max(page.start() + margin, Math.min(page.end() - margin, page.start() + at * length)));
        }
        return times;
    }

    /** The frame's brightness per pixel (ITU-R BT.601 weights). */
    static byte[] luma(RgbFrame frame) {
        byte[] gray = new byte[frame.width() * frame.height()];
        byte[] rgb = frame.rgb();
        for (int i = 0; i < gray.length; i++) {
            int r = rgb[3 * i] & 0xFF;
            int g = rgb[3 * i + 1] & 0xFF;
            int b = rgb[3 * i + 2] & 0xFF;
            gray[i] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        }
        return gray;
    }

    /** Variance of the 4-neighbour Laplacian: high for crisp edges, low for blur and flat pictures. */
    static double sharpness(byte[] gray, int width, int height) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int c = gray[y * width + x] & 0xFF;
                int laplacian = (gray[y * width + x - 1] & 0xFF) + (gray[y * width + x + 1] & 0xFF)
                        + (gray[(y - 1) * width + x] & 0xFF) + (gray[(y + 1) * width + x] & 0xFF) - 4 * c;
                sum += laplacian;
                squares += (double) laplacian * laplacian;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
