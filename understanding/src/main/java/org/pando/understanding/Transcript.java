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
}
