package org.pando.upload;

import java.util.Map;
import java.util.Optional;

/**
 * What the uploader says about the file, from tus {@code Upload-Metadata}.
 *
 * @param filename    the file's name on the uploader's machine; never used as a path
 * @param title       the video's title (defaults to the file name without extension)
 * @param channel     handle of the channel to publish in; empty means the default channel
 * @param description the video's description
 */
public record UploadMetadata(String filename, String title, Optional<String> channel, String description) {
    /** Longest file name accepted. */
    public static final int MAX_FILENAME = 255;

    /** Reads and checks the decoded metadata pairs; throws {@link UploadRejected} when the file name is unsafe. */
    public static UploadMetadata from(Map<String, String> pairs) {
        String filename = pairs.getOrDefault("filename", pairs.getOrDefault("name", "")).strip();
        checkFilename(filename);
        String title = pairs.getOrDefault("title", "").strip();
        if (title.isEmpty()) {
            int dot = filename.lastIndexOf('.');
            title = dot > 0 ? filename.substring(0, dot) : filename;
        }
        Optional<String> channel = Optional.ofNullable(pairs.get("channel")).map(String::strip).filter(c -> !c.isEmpty());
        return new UploadMetadata(filename, title, channel, pairs.getOrDefault("description", ""));
    }

    static void checkFilename(String filename) {
        if (filename.isEmpty()) {
            throw UploadRejected.badName("The upload has no file name; send one in Upload-Metadata as 'filename'.");
        }
        if (filename.length() > MAX_FILENAME) {
            throw UploadRejected.badName("The file name is longer than " + MAX_FILENAME + " characters.");
        }
        if (filename.contains("/") || filename.contains("\\") || filename.contains("..")) {
            throw UploadRejected.badName("The file name must not contain '/', '\\\\' or '..'; rename the file and try again.");
        }
        if (filename.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            throw UploadRejected.badName("The file name contains control characters; rename the file and try again.");
        }
    }
}
