package org.pando.understanding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What was said, word by word, in the order said.
 *
 * @param language the ISO 639-1 language the transcript is in
 * @param words    the words with their times
 */
public record Transcript(String language, List<Word> words) {
    public Transcript {
        words = List.copyOf(words);
    }

    /** The words as one line of text. */
    public String text() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }

    /** Whether nothing was recognised. */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** The stretches of continuous speech: words closer than {@code pause} seconds belong together. */
    public List<TimeRange> speech(double pause) {
        List<TimeRange> ranges = new java.util.ArrayList<>();
        for (Word w : words) {
            if (!ranges.isEmpty() && w.start() - ranges.getLast().end() < pause) {
                ranges.set(ranges.size() - 1, new TimeRange(ranges.getLast().start(), w.end()));
            } else {
                ranges.add(new TimeRange(w.start(), w.end()));
            }
        }
        return ranges;
    }
}
