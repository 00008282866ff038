package org.pando.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as the sentence embedding model was trained with: text is cleaned,
 * lower-cased and stripped of accents, Chinese, Japanese and Korean ideographs stand alone, words split at
 * spaces and punctuation, and each word becomes the longest vocabulary pieces that spell it ({@code ##}
 * marks a piece that continues a word). A word no pieces spell is {@code [UNK]}.
 */
final class WordPieceTokenizer {
    static final String CLS = "[CLS]";
    static final String SEP = "[SEP]";
    private static final String UNKNOWN = "[UNK]";
    private static final String CONTINUATION = "##";
    private static final int LONGEST_WORD = 100;

    private final Map<String, Integer> vocabulary;
    private final int unknown;

    WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = Map.copyOf(vocabulary);
        Integer unk = vocabulary.get(UNKNOWN);
        if (unk == null || !vocabulary.containsKey(CLS) || !vocabulary.containsKey(SEP)) {
            throw new IllegalArgumentException("The vocabulary lacks " + UNKNOWN + ", " + CLS + " or " + SEP);
        }
        this.unknown = unk;
    }

    /** Reads the vocabulary of a tokenizer saved in the Hugging Face {@code tokenizer.json} format. */
    static WordPieceTokenizer fromTokenizerJson(InputStream json) throws IOException {
        JsonNode vocab = new ObjectMapper().readTree(json).path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IOException("The tokenizer has no WordPiece vocabulary");
        }
        Map<String, Integer> ids = new HashMap<>();
        vocab.properties().forEach(e -> ids.put(e.getKey(), e.getValue().asInt()));
        return new WordPieceTokenizer(ids);
    }

    /** The id of a token of the vocabulary, such as {@link #CLS}. */
    int id(String token) {
        return vocabulary.getOrDefault(token, unknown);
    }

    /** The ids of the text's pieces, without {@link #CLS} or {@link #SEP}. */
    List<Integer> ids(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String word : words(text)) {
            pieces(word, ids);
        }
        return ids;
    }

    /** The text cleaned, lower-cased, without accents, split into words and punctuation marks. */
    static List<String> words(String text) {
        String lowered = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lowered.length(); ) {
            int c = lowered.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || Character.getType(c) == Character.NON_SPACING_MARK || isControl(c)) {
                continue;
            }
            if (isSpace(c)) {
                flush(word, words);
            } else if (isPunctuation(c) || isIdeograph(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            } else {
                word.appendCodePoint(c);
            }
        }
        flush(word, words);
        return words;
    }

    private void pieces(String word, List<Integer> into) {
        if (word.codePointCount(0, word.length()) > LONGEST_WORD) {
            into.add(unknown);
            return;
        }
        List<Integer> found = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer piece = null;
            while (end > start) {
                String candidate = (start > 0 ? CONTINUATION : "") + word.substring(start, end);
                piece = vocabulary.get(candidate);
                if (piece != null) {
                    break;
                }
                end = Character.isLowSurrogate(word.charAt(end - 1)) && end - 2 > start ? end - 2 : end - 1;
            }
            if (piece == null) {
                into.add(unknown);
                return;
            }
            found.add(piece);
            start = end;
        }
        into.addAll(found);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    /** ASCII symbols count as punctuation, as BERT has it, besides Unicode's punctuation classes. */
    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK Unified Ideographs blocks (not Hangul or kana, which stay inside words). */
    private static boolean isIdeograph(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
