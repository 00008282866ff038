package org.pando.search;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pando.domain.InvalidInput;

/**
 * What someone searches for: the words, the filters and which page of the ranked answers.
 *
 * <pre>{@code
 * SearchQuery query = SearchQuery.of("kimchi stew").inLanguage("ko").lasting(DurationRange.SHORT).page(0, 20);
 * }</pre>
 *
 * @param text      the words, 1 to {@value #MAX_LENGTH} characters
 * @param language  only videos in this language (an ISO 639 code)
 * @param duration  only videos of this length
 * @param published only videos published this recently
 * @param offset    how many ranked answers to skip, at most {@value #MAX_OFFSET}
 * @param limit     how many to return, 1 to {@value #MAX_LIMIT}
 */
public record SearchQuery(
        String text, Optional<String> language, Optional<DurationRange> duration, Optional<PublishedWithin> published,
        int offset, int limit) {
    /** Longest query, in characters. */
    public static final int MAX_LENGTH = 200;
    /** Most answers skipped: a search is for finding, not for walking the whole catalogue. */
    public static final int MAX_OFFSET = 1000;
    /** Most answers on one page. */
    public static final int MAX_LIMIT = 100;
    /** Answers on a page unless asked otherwise. */
    public static final int DEFAULT_LIMIT = 20;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /**
     * @throws InvalidInput when the text is blank or too long, the language is not a language code, or the page
     *                      is out of bounds
     */
    public SearchQuery {
        text = text.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new InvalidInput("q", "Search for 1 to " + MAX_LENGTH + " characters.");
        }
        language = language.map(l -> l.toLowerCase(Locale.ROOT));
        if (language.filter(l -> !LANGUAGE.matcher(l).matches()).isPresent()) {
            throw new InvalidInput("language", "Give the language as its ISO 639 code, such as en, ko or ja.");
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidInput("offset", "Send 'offset' as a whole number from 0 to " + MAX_OFFSET + ".");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "Send 'limit' as a whole number from 1 to " + MAX_LIMIT + ".");
        }
    }

    /** The first page of answers to these words, without filters. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Optional.empty(), Optional.empty(), Optional.empty(), 0, DEFAULT_LIMIT);
    }

    /** The same search, only in this language. */
    public SearchQuery inLanguage(String code) {
        return new SearchQuery(text, Optional.of(code), duration, published, offset, limit);
    }

    /** The same search, only for videos of this length. */
    public SearchQuery lasting(DurationRange range) {
        return new SearchQuery(text, language, Optional.of(range), published, offset, limit);
    }

    /** The same search, only for videos published this recently. */
    public SearchQuery publishedWithin(PublishedWithin period) {
        return new SearchQuery(text, language, duration, Optional.of(period), offset, limit);
    }

    /** The same search, another page. */
    public SearchQuery page(int from, int size) {
        return new SearchQuery(text, language, duration, published, from, size);
    }
}
