package org.pando.modelconv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON, and the JavaScript object literals minifiers write: unquoted keys, single-quoted strings,
 * numbers without a leading zero ({@code .5}) and {@code !0}/{@code !1} for true and false. It reads one
 * value from a start position and reports where the value ended, so it can read a literal embedded in a
 * script.
 */
final class LiteralReader {
    private final String text;
    private int position;

    private LiteralReader(String text, int start) {
        this.text = text;
        this.position = start;
    }

    /** The value the whole text holds; fails when anything but whitespace follows it. */
    static Literal read(String text) {
        LiteralReader reader = new LiteralReader(text, 0);
        Literal value = reader.value();
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.failure("unexpected text after the value");
        }
        return value;
    }

    /** The value starting at {@code start}, and the position just after it. */
    static Embedded readAt(String text, int start) {
        LiteralReader reader = new LiteralReader(text, start);
        Literal value = reader.value();
        return new Embedded(value, reader.position);
    }

    /** A value read from inside a larger text. */
    record Embedded(Literal value, int end) {
    }

    private Literal value() {
        skipWhitespace();
        char c = peek();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"', '\'' -> new Literal.Str(string());
            case '!' -> minifiedBoolean();
            default -> {
                if (c == '-' || c == '.' || Character.isDigit(c)) {
                    yield number();
                }
                yield keyword();
            }
        };
    }

    private Literal object() {
        expect('{');
        Map<String, Literal> fields = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return new Literal.Obj(fields);
        }
        while (true) {
            skipWhitespace();
            String key = peek() == '"' || peek() == '\'' ? string() : identifier();
            skipWhitespace();
            expect(':');
            Literal value = value();
            if (fields.put(key, value) != null) {
                throw failure("duplicate key '" + key + "'");
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return new Literal.Obj(fields);
            }
            if (c != ',') {
                throw failure("expected ',' or '}' in an object");
            }
        }
    }

    private Literal array() {
        expect('[');
        List<Literal> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return new Literal.Arr(items);
        }
        while (true) {
            items.add(value());
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return new Literal.Arr(items);
            }
            if (c != ',') {
                throw failure("expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        char quote = next();
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    requireAvailable(4);
                    out.append((char) Integer.parseInt(text, position, position + 4, 16));
                    position += 4;
                }
                default -> out.append(escaped);
            }
        }
    }

    private String identifier() {
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_' || text.charAt(position) == '$')) {
            position++;
        }
        if (start == position) {
            throw failure("expected a key");
        }
        return text.substring(start, position);
    }

    private Literal number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        while (position < text.length() && "0123456789.eE+-".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        String digits = text.substring(start, position);
        try {
            return new Literal.Num(Double.parseDouble(digits));
        } catch (NumberFormatException e) {
            throw failure("malformed number '" + digits + "'");
        }
    }

    private Literal minifiedBoolean() {
        expect('!');
        char c = next();
        return switch (c) {
            case '0' -> new Literal.Bool(true);
            case '1' -> new Literal.Bool(false);
            default -> throw failure("expected !0 or !1");
        };
    }

    private Literal keyword() {
        String word = identifier();
        return switch (word) {
            case "true" -> new Literal.Bool(true);
            case "false" -> new Literal.Bool(false);
            case "null" -> new Literal.Null();
            default -> throw failure("unexpected word '" + word + "'");
        };
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private void expect(char expected) {
        if (next() != expected) {
            position--;
            throw failure("expected '" + expected + "'");
        }
    }

    private char peek() {
        requireAvailable(1);
        return text.charAt(position);
    }

    private char next() {
        requireAvailable(1);
        return text.charAt(position++);
    }

    private void requireAvailable(int count) {
        if (position + count > text.length()) {
            throw failure("the text ends in the middle of a value");
        }
    }

    private ModelConversionFailed failure(String what) {
        int from = Math.max(0, position - 30);
        int to = Math.min(text.length(), position + 30);
        return new ModelConversionFailed(what + " at character " + position + " near '" + text.substring(from, to) + "'");
    }
}
