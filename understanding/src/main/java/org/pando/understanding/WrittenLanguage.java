package org.pando.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language a text is written in, among the 103 of Apache OpenNLP's language detection model (character
 * n-grams, from its Maven jar). A text too short to tell, or one the model hesitates over, has no language.
 * Thread-safe.
 */
public final class WrittenLanguage {
    /** Fewest letters a text needs before its language is guessed. */
    static final int MIN_LETTERS = 12;
    /** How many times likelier the first language must be than the second. */
    static final double MIN_LEAD = 1.15;
    private static final String MODEL = "/langdetect-183.bin";
    /** The model's individual-language codes whose two-letter code belongs to their macrolanguage. */
    private static final Map<String, String> MACROLANGUAGES = Map.of(
            "cmn", "zh", "pes", "fa", "zsm", "ms", "lvs", "lv", "ekk", "et", "arb", "ar", "swh", "sw", "uzn", "uz",
            "azj", "az", "npi", "ne");
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private final LanguageDetectorME detector;

    private WrittenLanguage(LanguageDetectorME detector) {
        this.detector = detector;
    }

    /**
     * Loads the model from the class path.
     *
     * @throws ModelMissing when it is not in the build or cannot be read
     */
    public static WrittenLanguage load() {
        try (InputStream in = WrittenLanguage.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new ModelMissing("The language detection model " + MODEL + " is not in Pando's build; build Pando again");
            }
            return new WrittenLanguage(new LanguageDetectorME(new LanguageDetectorModel(in)));
        } catch (IOException e) {
            throw new ModelMissing("The language detection model could not be read: " + e.getMessage());
        }
    }

    /** The text's language as an ISO 639-1 code ({@code en}, {@code ko}), or ISO 639-3 where there is none. */
    public Optional<String> of(String text) {
        if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        Language[] ranked;
        synchronized (detector) {
            ranked = detector.predictLanguages(text);
        }
        if (ranked.length == 0) {
            return Optional.empty();
        }
        double second = ranked.length > 1 ? ranked[1].getConfidence() : 0;
        if (ranked[0].getConfidence() < MIN_LEAD * second) {
            return Optional.empty();
        }
        return Optional.of(code(ranked[0].getLang()));
    }

    /** The English name of a language code, for messages: "Korean" for {@code ko}. */
    public static String displayName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    static String code(String iso3) {
        String macro = MACROLANGUAGES.get(iso3);
        return macro != null ? macro : TWO_LETTER.getOrDefault(iso3, iso3);
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            codes.put(Locale.of(two).getISO3Language(), two);
        }
        return Map.copyOf(codes);
    }
}
