package org.pando.modelconv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value read from JSON or from a JavaScript object literal (the form in which nsfwjs ships its model
 * description): an object, array, string, number, boolean or null. The accessors fail with a message naming
 * what was expected, so a changed input format stops the build with a readable reason.
 */
sealed interface Literal {

    /** An object; field order is the order of the source text. */
    record Obj(Map<String, Literal> fields) implements Literal {
        public Obj {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** An array. */
    record Arr(List<Literal> items) implements Literal {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** A string. */
    record Str(String value) implements Literal {
    }

    /** A number, held as a double as JavaScript does. */
    record Num(double value) implements Literal {
    }

    /** {@code true} or {@code false} (also the minified {@code !0} and {@code !1}). */
    record Bool(boolean value) implements Literal {
    }

    /** {@code null}. */
    record Null() implements Literal {
    }

    /** The named field of this object; fails when this is not an object or the field is missing. */
    default Literal field(String name) {
        return optionalField(name).orElseThrow(() -> new ModelConversionFailed("expected a field '" + name + "' in " + describe()));
    }

    /** The named field of this object, if present. */
    default Optional<Literal> optionalField(String name) {
        return Optional.ofNullable(fields().get(name));
    }

    /** The fields of this object. */
    default Map<String, Literal> fields() {
        throw new ModelConversionFailed("expected an object but found " + describe());
    }

    /** The items of this array. */
    default List<Literal> items() {
        throw new ModelConversionFailed("expected an array but found " + describe());
    }

    /** This string. */
    default String text() {
        if (this instanceof Str str) {
            return str.value();
        }
        throw new ModelConversionFailed("expected a string but found " + describe());
    }

    /** This number; a string of digits counts too, as TensorFlow writes 64-bit integers as strings. */
    default double number() {
        return switch (this) {
            case Num num -> num.value();
            case Str str -> parseNumber(str.value());
            default -> throw new ModelConversionFailed("expected a number but found " + describe());
        };
    }

    /** This number as an integer; fails when it has a fraction. */
    default long integer() {
        double value = number();
        if (value != Math.rint(value)) {
            throw new ModelConversionFailed("expected an integer but found " + value);
        }
        return (long) value;
    }

    /** This boolean. */
    default boolean bool() {
        if (this instanceof Bool bool) {
            return bool.value();
        }
        throw new ModelConversionFailed("expected a boolean but found " + describe());
    }

    private static double parseNumber(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ModelConversionFailed("expected a number but found the string \"" + text + "\"", e);
        }
    }

    private String describe() {
        return switch (this) {
            case Obj obj -> "an object with fields " + obj.fields().keySet();
            case Arr arr -> "an array of " + arr.items().size();
            case Str str -> "the string \"" + (str.value().length() > 40 ? str.value().substring(0, 40) + "…" : str.value()) + "\"";
            case Num num -> "the number " + num.value();
            case Bool bool -> "the boolean " + bool.value();
            case Null ignored -> "null";
        };
    }
}
