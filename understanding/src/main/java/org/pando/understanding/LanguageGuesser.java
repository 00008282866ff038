package org.pando.understanding;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a text (a title, a description, a transcript) by Lingua's n-gram models, in its
 * low-accuracy mode: trigrams only, about a tenth of the memory, reliable from a sentence or two up.
 * Thread-safe; build one and share it.
 */
public final class LanguageGuesser {
    /** Texts shorter than this (letters) say too little to guess from. */
    static final int SHORTEST = 12;

    private final LanguageDetector detector = LanguageDetectorBuilder.fromAllSpokenLanguages().withLowAccuracyMode().build();

    /** The ISO 639-1 code of the text's language, empty when the text is too short or the models are unsure. */
    public Optional<String> guess(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < SHORTEST) {
            return Optional.empty();
        }
        Language language = detector.detectLanguageOf(text);
        if (language == Language.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT));
    }
}
