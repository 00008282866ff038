package org.pando.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pando.domain.InvalidInput;

/**
 * Country and language codes of a profile: validation, and the defaults a browser's
 * {@code Accept-Language} header suggests.
 *
 * <pre>{@code
 * Locales.languagesFrom("ko-KR,ko;q=0.9,en;q=0.8"); // [ko, en]
 * Locales.countryFrom("ko-KR,ko;q=0.9");           // Optional[KR]
 * }</pre>
 */
public final class Locales {
    /** A profile keeps at most this many languages. */
    public static final int MAX_LANGUAGES = 8;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private Locales() {
    }

    /** The upper-case ISO 3166-1 alpha-2 code, or an {@link InvalidInput} naming the field. */
    public static String country(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            throw new InvalidInput("country", "'" + code + "' is not an ISO 3166 two-letter country code, such as KR or BR.");
        }
        return upper;
    }

    /** The lower-case ISO 639-1 codes, de-duplicated in order, or an {@link InvalidInput}. */
    public static List<String> languages(List<String> codes) {
        if (codes.size() > MAX_LANGUAGES) {
            throw new InvalidInput("languages", "List at most " + MAX_LANGUAGES + " languages.");
        }
        List<String> result = new ArrayList<>();
        for (String code : codes) {
            String lower = code.trim().toLowerCase(Locale.ROOT);
            if (lower.length() != 2 || !LANGUAGES.contains(lower)) {
                throw new InvalidInput("languages", "'" + code + "' is not an ISO 639-1 two-letter language code, such as ko or en.");
            }
            if (!result.contains(lower)) {
                result.add(lower);
            }
        }
        return List.copyOf(result);
    }

    /** Languages of an {@code Accept-Language} header, by preference; empty when it is absent or unusable. */
    public static List<String> languagesFrom(String acceptLanguage) {
        List<String> result = new ArrayList<>();
        for (Locale.LanguageRange range : ranges(acceptLanguage)) {
            String language = range.getRange().split("-")[0];
            if (language.length() == 2 && LANGUAGES.contains(language) && !result.contains(language)) {
                result.add(language);
            }
            if (result.size() == MAX_LANGUAGES) {
                break;
            }
        }
        return List.copyOf(result);
    }

    /** The country of the most preferred range that names one, such as {@code KR} in {@code ko-KR}. */
    public static Optional<String> countryFrom(String acceptLanguage) {
        for (Locale.LanguageRange range : ranges(acceptLanguage)) {
            String[] parts = range.getRange().split("-");
            if (parts.length >= 2) {
                String region = parts[parts.length - 1].toUpperCase(Locale.ROOT);
                if (COUNTRIES.contains(region)) {
                    return Optional.of(region);
                }
            }
        }
        return Optional.empty();
    }

    private static List<Locale.LanguageRange> ranges(String header) {
        try {
            return Locale.LanguageRange.parse(header).stream().filter(r -> r.getWeight() > 0).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
