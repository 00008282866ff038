package org.pando.modelconv;

import java.nio.file.Path;

/** What a conversion did: the model file, whether it was written now or found up to date, its size and checksum. */
record ConversionOutcome(ConvertedModel model, Path file, boolean converted, long bytes, String sha256) {

    String summary() {
        return String.format("%s: %s (%.1f MB, sha256 %s)", file.getFileName(), converted ? "converted" : "up to date, conversion skipped",
                bytes / 1e6, sha256);
    }
}
