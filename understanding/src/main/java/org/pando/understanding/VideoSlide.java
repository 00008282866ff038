package org.pando.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Video Slide: a video cut into pages one can flip through like a book. Page boundaries are the picture's
 * scene cuts and the middles of pauses in speech; boundaries closer together than {@link #SHORTEST_PAGE}
 * are merged, a scene cut winning over a pause. Each page carries the words said in it (a word belongs to
 * the page holding its middle).
 */
public final class VideoSlide {
    /** Shortest page, in seconds. */
    static final double SHORTEST_PAGE = 1.5;
    /** A silence between words at least this long (seconds) may end a page. */
    static final double PAUSE = 0.8;

    private VideoSlide() {
    }

    /**
     * The pages of a video.
     *
     * @param duration   the video's length in seconds
     * @param sceneCuts  where the picture cuts, in seconds
     * @param speech     the stretches of speech, in order
     * @param transcript what is said, possibly nothing
     */
    public static List<SlidePage> pages(double duration, List<Double> sceneCuts, List<TimeRange> speech, Transcript transcript) {
        TreeSet<Double> bounds = new TreeSet<>();
        for (double cut : sceneCuts.stream().sorted().toList()) {
            boolean apart = bounds.isEmpty() || cut - bounds.last() >= SHORTEST_PAGE;
            if (apart && cut >= SHORTEST_PAGE && cut <= duration - SHORTEST_PAGE) {
                bounds.add(cut);
            }
        }
        for (int i = 1; i < speech.size(); i++) {
            if (speech.get(i).start() - speech.get(i - 1).end() < PAUSE) {
                continue;
            }
            double middle = (speech.get(i - 1).end() + speech.get(i).start()) / 2;
            Double before = bounds.floor(middle);
            Double after = bounds.ceiling(middle);
            boolean crowded = (before != null && middle - before < SHORTEST_PAGE)
                    || (after != null && after - middle < SHORTEST_PAGE)
                    || middle < SHORTEST_PAGE || middle > duration - SHORTEST_PAGE;
            if (!crowded) {
                bounds.add(middle);
            }
        }
        List<Double> edges = new ArrayList<>();
        edges.add(0.0);
        edges.addAll(bounds);
        edges.add(Math.max(duration, edges.getLast()));
        List<SlidePage> pages = new ArrayList<>();
        for (int i = 1; i < edges.size(); i++) {
            TimeRange range = new TimeRange(edges.get(i - 1), edges.get(i));
            if (range.duration() > 0) {
                pages.add(new SlidePage(range.start(), range.end(), wordsIn(range, transcript), frameAt(range)));
            }
        }
        return pages;
    }

    private static String wordsIn(TimeRange range, Transcript transcript) {
        StringBuilder text = new StringBuilder();
        for (Word w : transcript.words()) {
            if (range.contains((w.start() + w.end()) / 2)) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(w.text());
            }
        }
        return text.toString();
    }

    /** A moment well inside the page, away from the blur of a cut. */
    private static double frameAt(TimeRange range) {
        return range.start() + Math.min(range.duration() / 2, 1.0);
    }
}
