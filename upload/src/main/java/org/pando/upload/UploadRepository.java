package org.pando.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where uploads' descriptions are kept (their bytes are files). Implemented by the store module. */
public interface UploadRepository {
    void insert(Upload upload);

    Optional<Upload> find(String id);

    /** Records the video made from the finished upload. */
    void finish(String id, String videoId);

    void delete(String id);

    /** Unfinished uploads whose expiry is before {@code now}. */
    List<Upload> expired(Instant now);
}
