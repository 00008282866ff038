package org.pando.search;

/**
 * A completion of what is being typed: a title or a tag of searchable videos.
 *
 * @param text the title or tag
 * @param kind which of the two it is
 */
public record Suggestion(String text, Kind kind) {
    /** Where a suggestion comes from. */
    public enum Kind {
        TITLE("title"),
        TAG("tag");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The name used in the API. */
        public String wireName() {
            return wireName;
        }
    }
}
