package org.pando.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Captions from a transcript: words are gathered into cues that start with the first word's start and end
 * with the last word's end, and a new cue begins at a pause, in a new stretch of speech, when a cue would
 * run too long, or when its text would no longer fit one caption line. Where voice activity detection
 * found the stretches of speech, a cue never shows before its stretch begins or after it ends (the
 * recogniser tends to stretch a word over the silence before it).
 */
public final class Captions {
    /** A silence at least this long (seconds) starts a new cue. */
    static final double PAUSE = 0.7;
    /** Longest a cue stays on screen, in seconds. */
    static final double LONGEST = 5.0;
    /** Stretches of detected speech closer than this (seconds) are one phrase with a breath in it. */
    static final double BREATH = 0.35;
    /** Most characters in one cue. */
    static final int MAX_CHARS = 42;

    private Captions() {
    }

    /** The transcript's cues, in order, without voice activity to align them to. */
    public static List<Cue> of(Transcript transcript) {
        return of(transcript, List.of());
    }

    /**
     * The transcript's cues, in order, each kept inside its stretch of {@code speech} (stretches closer than
     * {@link #BREATH} count as one, so a phrase with a breath in it stays one cue).
     */
    public static List<Cue> of(Transcript transcript, List<TimeRange> detected) {
        List<TimeRange> speech = joined(detected);
        List<Cue> cues = new ArrayList<>();
        List<Word> open = new ArrayList<>();
        int openStretch = -1;
        int chars = 0;
        for (Word w : transcript.words()) {
            int stretch = stretchOf(w, speech);
            if (!open.isEmpty()) {
                Word first = open.getFirst();
                boolean pause = w.start() - open.getLast().end() >= PAUSE;
                boolean newStretch = stretch != openStretch;
                boolean tooLong = w.end() - first.start() > LONGEST;
                boolean tooWide = chars + 1 + w.text().length() > MAX_CHARS;
                if (pause || newStretch || tooLong || tooWide) {
                    cues.add(cue(open, openStretch < 0 ? null : speech.get(openStretch)));
                    open.clear();
                    chars = 0;
                }
            }
            chars += (open.isEmpty() ? 0 : 1) + w.text().length();
            open.add(w);
            openStretch = stretch;
        }
        if (!open.isEmpty()) {
            cues.add(cue(open, openStretch < 0 ? null : speech.get(openStretch)));
        }
        return cues;
    }

    private static List<TimeRange> joined(List<TimeRange> speech) {
        List<TimeRange> joined = new ArrayList<>();
        for (TimeRange r : speech) {
            if (!joined.isEmpty() && r.start() - joined.getLast().end() < BREATH) {
                joined.set(joined.size() - 1, new TimeRange(joined.getLast().start(), Math.max(r.end(), joined.getLast().end())));
            } else {
                joined.add(r);
            }
        }
        return joined;
    }

    /** The stretch of speech holding the word's middle, else the nearest one; -1 when there are none. */
    static int stretchOf(Word w, List<TimeRange> speech) {
        double middle = (w.start() + w.end()) / 2;
        int nearest = -1;
        double distance = Double.MAX_VALUE;
        for (int i = 0; i < speech.size(); i++) {
            TimeRange r = speech.get(i);
            double d = middle < r.start() ? r.start() - middle : middle > r.end() ? middle - r.end() : 0;
            if (d < distance) {
                distance = d;
                nearest = i;
            }
        }
        return nearest;
    }

    /** The cues as a WebVTT file. */
    public static String webVtt(List<Cue> cues) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        int n = 1;
        for (Cue c : cues) {
            vtt.append('\n').append(n++).append('\n')
                    .append(timestamp(c.start())).append(" --> ").append(timestamp(c.end())).append('\n')
                    .append(c.text().replace("-->", "->").replace("\n", " ")).append('\n');
        }
        return vtt.toString();
    }

    static String timestamp(double seconds) {
        long ms = Math.round(Math.max(0, seconds) * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private static Cue cue(List<Word> words, TimeRange stretch) {
        StringBuilder text = new StringBuilder();
        for (Word w : words) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(w.text());
        }
        double start = words.getFirst().start();
        double end = words.getLast().end();
        if (stretch != null && Math.max(start, stretch.start()) < Math.min(end, stretch.end())) {
            start = Math.max(start, stretch.start());
            end = Math.min(end, stretch.end());
        }
        return new Cue(start, end, text.toString());
    }
}
