package org.pando.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * How text becomes terms. Every text field is indexed twice: as written, and with English stemming.
 *
 * <ul>
 *   <li>{@link #WRITTEN}: Unicode word boundaries, full-width letters made half-width (and half-width kana
 *   full-width), lower case, accents folded ({@code café} is {@code cafe}), and runs of Chinese characters, kana
 *   and Hangul cut into overlapping pairs ({@code 김치찌개} is {@code 김치 치찌 찌개}), which finds words in
 *   languages written without spaces or with particles glued on, without a dictionary.</li>
 *   <li>{@link #STEMMED}: the same, without English stop words and with Porter's stemmer, so {@code cooking}
 *   finds {@code cooked}; the pairs of characters are left out, since stemming does not apply to them.</li>
 *   <li>{@link #WORDS}: whole words as written, for completing the word being typed.</li>
 * </ul>
 */
final class TextAnalysis {
    /** Text as written. */
    static final Analyzer WRITTEN = new Written();
    /** English stems of the words. */
    static final Analyzer STEMMED = new Stemmed();
    /** Whole words, for completions. */
    static final Analyzer WORDS = new Words();

    /** The token types the pair filter gives Chinese, Japanese and Korean text. */
    private static final Set<String> CJK_TYPES = Set.of(CJKBigramFilter.DOUBLE_TYPE, CJKBigramFilter.SINGLE_TYPE);

    private TextAnalysis() {
    }

    /**
     * A term and its kind.
     *
     * @param text the term
     * @param cjk  whether it is a pair (or a lone character) of Chinese, Japanese or Korean text
     */
    record Term(String text, boolean cjk) {
    }

    /** The terms an analyzer makes of a text, in order. */
    static List<Term> terms(Analyzer analyzer, String text) {
        List<Term> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(new Term(term.toString(), CJK_TYPES.contains(type.type())));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static TokenStream normalised(Tokenizer source) {
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        return new ASCIIFoldingFilter(stream);
    }

    private static final class Written extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new CJKBigramFilter(normalised(source)));
        }
    }

    private static final class Stemmed extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(normalised(source));
            stream = new TypeTokenFilter(new CJKBigramFilter(stream), CJK_TYPES);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, new PorterStemFilter(stream));
        }
    }

    private static final class Words extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, normalised(source));
        }
    }
}
