package org.pando.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The words of a query, each as written and, for words of alphabetic scripts, as its English stem.
 *
 * @param words the words, at most {@value #MAX_WORDS}
 */
record QueryWords(List<Word> words) {
    /** Most words a query is read for; the rest are ignored. */
    static final int MAX_WORDS = 32;

    QueryWords {
        words = List.copyOf(words);
    }

    /**
     * One word of the query.
     *
     * @param written  the term as written
     * @param stem     its English stem; empty for an English stop word and for Chinese, Japanese and Korean text
     * @param cjk      whether it is a pair of Chinese, Japanese or Korean characters
     * @param stopWord whether it is an English stop word, which may be missing from a match
     */
    record Word(String written, Optional<String> stem, boolean cjk, boolean stopWord) {
        /**
         * How many typos a word may have and still match a title or tag word: none below 4 letters, 2 from 8, and
         * none in numbers (1999 is not a typo of 2999).
         */
        int typosAllowed() {
            if (cjk || written.chars().anyMatch(Character::isDigit)) {
                return 0;
            }
            int length = written.codePointCount(0, written.length());
            return length < 4 ? 0 : length < 8 ? 1 : 2;
        }
    }

    /** The words of a text. */
    static QueryWords of(String text) {
        List<Word> words = new ArrayList<>();
        for (TextAnalysis.Term term : TextAnalysis.terms(TextAnalysis.WRITTEN, text)) {
            if (words.size() == MAX_WORDS) {
                break;
            }
            if (term.cjk()) {
                words.add(new Word(term.text(), Optional.empty(), true, false));
                continue;
            }
            List<TextAnalysis.Term> stems = TextAnalysis.terms(TextAnalysis.STEMMED, term.text());
            Optional<String> stem = stems.stream().findFirst().map(TextAnalysis.Term::text);
            words.add(new Word(term.text(), stem, false, stem.isEmpty()));
        }
        return new QueryWords(words);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** How many of the words that are not stop words a match must have: all of up to three, three quarters of more. */
    static int required(int words) {
        return words <= 3 ? words : (int) Math.ceil(words * 0.75);
    }
}
