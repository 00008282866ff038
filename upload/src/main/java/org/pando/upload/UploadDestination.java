package org.pando.upload;

import java.nio.file.Path;

/** What becomes of uploads: checked before the first byte, received after the last. */
public interface UploadDestination {
    /** Throws a domain exception when the account may not upload this (a bad title, someone else's channel). */
    void check(String accountId, UploadMetadata metadata);

    /**
     * Takes the finished file (it may move it) and returns the id of the video made from it. Called once per
     * upload.
     */
    String receive(Upload upload, Path file);
}
