package org.pando.media;

import java.util.Locale;

/**
 * The layout of the seek-preview sprite: one thumbnail every {@code intervalSeconds}, in a grid.
 *
 * @param intervalSeconds seconds between thumbnails
 * @param count           number of thumbnails
 * @param columns         thumbnails per row
 * @param rows            rows in the sprite
 * @param tileWidth       thumbnail width in pixels
 * @param tileHeight      thumbnail height in pixels
 */
public record StoryboardPlan(int intervalSeconds, int count, int columns, int rows, int tileWidth, int tileHeight) {
    /** At most this many thumbnails, so one sprite image stays small. */
    static final int MAX_THUMBNAILS = 100;
    static final int COLUMNS = 10;
    static final int TILE_WIDTH = 160;

    static StoryboardPlan forVideo(long durationMs, int displayWidth, int displayHeight) {
        double seconds = Math.max(1, durationMs / 1000.0);
        int interval = (int) Math.max(1, Math.ceil(seconds / MAX_THUMBNAILS));
        int count = (int) Math.max(1, Math.ceil(seconds / interval));
        int columns = Math.min(COLUMNS, count);
        int rows = (count + columns - 1) / columns;
        int tileHeight = even(TILE_WIDTH * (double) displayHeight / displayWidth);
        return new StoryboardPlan(interval, count, columns, rows, TILE_WIDTH, tileHeight);
    }

    /** The same layout for the number of thumbnails actually written. */
    StoryboardPlan withCount(int actual) {
        int cols = Math.min(COLUMNS, actual);
        return new StoryboardPlan(intervalSeconds, actual, cols, (actual + cols - 1) / cols, tileWidth, tileHeight);
    }

    /** The WebVTT that maps each interval of the video to its tile in {@code imageName}; the last runs to the end. */
    public String webVtt(String imageName, long durationMs) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < count; i++) {
            long start = i * intervalSeconds * 1000L;
            long end = i == count - 1 ? durationMs : Math.min(durationMs, (i + 1) * intervalSeconds * 1000L);
            if (start >= end) {
                break;
            }
            int x = (i % columns) * tileWidth;
            int y = (i / columns) * tileHeight;
            vtt.append(timestamp(start)).append(" --> ").append(timestamp(end)).append('\n')
                    .append(imageName).append("#xywh=").append(x).append(',').append(y).append(',')
                    .append(tileWidth).append(',').append(tileHeight).append("\n\n");
        }
        return vtt.toString();
    }

    private static String timestamp(long ms) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    static int even(double value) {
        return Math.max(2, (int) Math.round(value / 2) * 2);
    }
}
