package org.pando.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the renditions for a source: every configured rung whose short side is not above the source's,
 * the aspect ratio kept, sizes even (H.264 needs it). A source smaller than the lowest rung gets one rung at
 * its own size, so nothing is upscaled.
 */
public final class LadderPlanner {
    /** H.264 bitrates by short side, for about 30 frames a second. */
    private static final Map<Integer, Integer> KBPS = Map.of(
            2160, 12000, 1440, 7000, 1080, 4500, 720, 2500, 480, 1200, 360, 700, 240, 350);
    private static final int POSTER_MAX_SHORT_SIDE = 720;
    private static final int POSTER_CANDIDATES = 6;

    private final MediaConfig config;

    public LadderPlanner(MediaConfig config) {
        this.config = config;
    }

    /** The plan for a probed, accepted source. */
    public LadderPlan plan(ProbeResult probe) {
        VideoTrack video = probe.video().orElseThrow();
        int w = video.displayWidth();
        int h = video.displayHeight();
        int sourceShort = Math.min(w, h);
        List<Rung> rungs = new ArrayList<>();
        for (int side : config.ladder()) {
            if (side <= sourceShort) {
                rungs.add(rung(side, w, h));
            }
        }
        if (rungs.isEmpty()) {
            rungs.add(rung(StoryboardPlan.even(sourceShort), w, h));
        }
        int posterShort = Math.min(POSTER_MAX_SHORT_SIDE, StoryboardPlan.even(sourceShort));
        Rung poster = rung(posterShort, w, h);
        long posterInterval = Math.max(1000, probe.durationMs() / POSTER_CANDIDATES);
        double fps = video.fps() > 0 && video.fps() <= 240 ? video.fps() : 30;
        long frames = Math.max(1, Math.round(probe.durationMs() / 1000.0 * fps));
        return new LadderPlan(rungs, probe.hasAudio(), posterInterval, poster.width(), poster.height(),
                StoryboardPlan.forVideo(probe.durationMs(), w, h), probe.durationMs(), frames);
    }

    private static Rung rung(int shortSide, int w, int h) {
        boolean landscape = w >= h;
        int longSide = StoryboardPlan.even(shortSide * (double) Math.max(w, h) / Math.min(w, h));
        int kbps = KBPS.getOrDefault(shortSide, Math.max(200, shortSide * shortSide / 120));
        return landscape
                ? new Rung(shortSide + "p", longSide, shortSide, kbps)
                : new Rung(shortSide + "p", shortSide, longSide, kbps);
    }
}
