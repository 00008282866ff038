package org.pando.understanding;

import java.util.Set;

/**
 * What the creator wrote about a video, read with what is said in it.
 *
 * @param title       its title
 * @param description its description
 * @param tags        the tags it already has, never suggested again
 */
public record VideoText(String title, String description, Set<String> tags) {
    /** A file analysed on its own, with nothing written about it. */
    public static final VideoText NONE = new VideoText("", "", Set.of());

    public VideoText {
        tags = Set.copyOf(tags);
    }

    /** Title and description as one text, for language detection. */
    String written() {
        return (title.strip() + "\n" + description.strip()).strip();
    }
}
