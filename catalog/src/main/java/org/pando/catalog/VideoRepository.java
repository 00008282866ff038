package org.pando.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.pando.domain.Keyset;

/** Where videos and their processing state are kept. Implemented by the store module. */
public interface VideoRepository {
    void insert(Video video);

    Optional<Video> find(String id);

    /** The videos of these ids that exist, in no particular order. */
    List<Video> findAll(Collection<String> ids);

    /**
     * Videos of a channel after a position, newest first; only published ones (ready, and published or approved)
     * unless {@code includeUnpublished}.
     */
    List<Video> listByChannel(String channelId, Keyset after, int limit, boolean includeUnpublished);

    /** Every video in the owner's channels after a position, newest first, in any status. */
    List<Video> listByOwner(String ownerId, Keyset after, int limit);

    /** Sets what probing found. */
    void updateProbe(String id, VideoKind kind, long durationMs, int width, int height);

    /** Sets the fraction of processing done. */
    void updateProgress(String id, double progress);

    /** Marks the HLS master playlist playable. */
    void markPlayable(String id);

    /** Marks processing finished. */
    void markReady(String id);

    /** Marks processing failed with a message for the uploader. */
    void markFailed(String id, String message);

    /** Puts a video back to processing from the start, for a retried job. */
    void markRestarted(String id);

    /** Sets whether others may see the video. */
    void updatePublication(String id, Publication publication);

    /** How many videos are in each processing status. */
    Map<VideoStatus, Long> countByStatus();

    /** Uploads finished on each day (UTC) from {@code from} on. */
    SortedMap<LocalDate, Long> uploadsPerDay(Instant from);
}
